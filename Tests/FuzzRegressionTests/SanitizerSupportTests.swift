import Foundation
import Synchronization
import Testing

@Suite("What make sanitize relies on")
struct SanitizerSupportTests {
    /// Under ThreadSanitizer this reports races inside the lock (three runs out of three) unless
    /// CSanitizerAnnotations shows it the contended path of the lock; in other builds it only checks the count.
    @Test("A contended Mutex is exclusive, and ThreadSanitizer sees that it is")
    func aContendedMutexIsNotARace() {
        let counter = Mutex<[Int]>([])
        let threads = 4
        let rounds = 50_000
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for round in 0..<rounds {
                counter.withLock { $0.append(thread * rounds + round) }
            }
        }
        #expect(counter.withLock { Set($0).count } == threads * rounds)
    }
}
