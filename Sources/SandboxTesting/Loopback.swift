#if canImport(Glibc)
    import Glibc
#endif

/// Connections to 127.0.0.1, for the test clients and the fuzz harness.
public enum Loopback {
    /// `connect(2)` of `socket` to 127.0.0.1 on `port`; returns its status (0, or -1 with `errno` set).
    public static func connect(_ socket: Int32, port: Int) -> Int32 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }
}
