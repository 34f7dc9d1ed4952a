import CLibevent
import Synchronization

/// Finds the event loop of an evhttp, for the callbacks that libevent calls with its own arguments: its
/// `evhttp_send_error` (replaced in `EventLoop+Unreadable.swift`) and a listener's accept errors, which get
/// the evhttp as their argument.
enum EventLoopRegistry {
    /// evhttp address to unretained loop address; a loop registers before its base runs and unregisters
    /// before it frees its evhttp, so every address found here is alive.
    private static let loops = Mutex<[UInt: UInt]>([:])

    static func register(http: OpaquePointer, loop: EventLoop) {
        let address = UInt(bitPattern: Unmanaged.passUnretained(loop).toOpaque())
        loops.withLock { $0[UInt(bitPattern: http)] = address }
    }

    static func unregister(http: OpaquePointer) {
        _ = loops.withLock { $0.removeValue(forKey: UInt(bitPattern: http)) }
    }

    static func loop(of http: OpaquePointer) -> EventLoop? {
        guard let address = loops.withLock({ $0[UInt(bitPattern: http)] }),
            let pointer = UnsafeMutableRawPointer(bitPattern: address)
        else { return nil }
        return EventLoop.from(pointer)
    }

    static func loop(of request: UnsafeMutablePointer<evhttp_request>) -> EventLoop? {
        guard let connection = evhttp_request_get_connection(request),
            let http = evhttp_connection_get_server(connection)
        else { return nil }
        return loop(of: http)
    }
}
