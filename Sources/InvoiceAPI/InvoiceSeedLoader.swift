import Dispatch
import InvoiceDomain
import SandboxJSON
import Synchronization

/// Reads invoices.json one element at a time, on every core: each invoice is parsed, checked and encoded,
/// and its parsed tree dropped at once, so a large seed never sits in memory as one tree of values.
enum InvoiceSeedLoader {
    static func load(_ bytes: [UInt8], now: String) throws(SeedError) -> [InvoiceStore.StoredInvoice] {
        let file = SeedData.File.invoices.rawValue
        let ranges: [Range<Int>]
        do {
            ranges = try JSONParser.arrayElementRanges(bytes)
        } catch {
            if case .unexpectedByte = error.reason, error.offset == bytes.firstIndex(where: { $0 > 0x20 }) {
                throw SeedError(file: file, problem: "must hold a JSON array")
            }
            throw SeedError(file: file, problem: "is not valid JSON: \(error)")
        }
        let chunkSize = 256
        let chunkCount = (ranges.count + chunkSize - 1) / chunkSize
        let results = Mutex<[Int: [InvoiceStore.StoredInvoice]]>([:])
        let failures = Mutex<[(index: Int, error: SeedError)]>([])
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var stored: [InvoiceStore.StoredInvoice] = []
            stored.reserveCapacity(chunkSize)
            for index in (chunk * chunkSize)..<min(ranges.count, (chunk + 1) * chunkSize) {
                do throws(SeedError) {
                    stored.append(try read(Array(bytes[ranges[index]]), index: index, now: now))
                } catch {
                    failures.withLock { $0.append((index, error)) }
                    return
                }
            }
            results.withLock { $0[chunk] = stored }
        }
        if let first = failures.withLock({ $0.min { $0.index < $1.index } }) {
            throw first.error
        }
        return results.withLock { results in (0..<chunkCount).flatMap { results[$0] ?? [] } }
    }

    private static func read(_ element: [UInt8], index: Int, now: String) throws(SeedError)
        -> InvoiceStore.StoredInvoice
    {
        let file = SeedData.File.invoices.rawValue
        let value: JSONValue
        do {
            value = try JSONParser.parse(element)
        } catch {
            throw SeedError(file: file, problem: "[\(index)] is not valid JSON: \(error)")
        }
        do {
            return InvoiceStore.StoredInvoice(try Invoice(record: value, path: "[\(index)]", now: now))
        } catch {
            throw SeedError(file: file, problem: "\(error)")
        }
    }
}
