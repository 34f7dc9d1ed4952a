import CLibevent

/// Turns on libevent's pthread locking once per process, so loops can be stopped from other threads.
enum LibeventThreading {
    private static let enabled: Bool = evthread_use_pthreads() == 0

    static func enable() {
        _ = enabled
    }
}
