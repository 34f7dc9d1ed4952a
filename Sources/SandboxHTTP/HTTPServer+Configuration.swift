extension HTTPServer {
    /// What the server listens on, how much it accepts and how long it waits.
    ///
    /// Every limit is answered through the responder's `respond(toUnreadable:)` with `Connection: close`;
    /// the timeouts and the connection limit close or hold connections without an answer.
    public struct Configuration: Sendable {
        /// The address to bind: an IPv4 or IPv6 literal or a host name.
        public var host: String
        /// The port; 0 picks a free one.
        public var port: Int
        /// The largest request body accepted, in bytes; a larger one is answered as `.bodyTooLarge`.
        public var maxBodyBytes: Int
        /// The largest request line plus header lines accepted, in bytes, not counting line ends (libevent's
        /// own measure); more is answered as `.headersTooLarge`, except that a request line alone over this
        /// limit is answered as `.uriTooLong`, since only its target can make it that long.
        public var maxHeaderBytes: Int
        /// How many event loops, each on its own thread, serve connections.
        public var eventLoops: Int
        /// The most header fields a request may have; more is answered as `.headersTooLarge`.
        public var maxHeaderCount: Int
        /// The longest request target (path and query as sent), in bytes; longer is answered as
        /// `.uriTooLong`, before any other check. Keep it below `maxHeaderBytes`, which also covers the
        /// request line.
        public var maxURIBytes: Int
        /// The most connections the server keeps open at once; further clients wait in the kernel's
        /// listen backlog until one closes, while the open ones keep being served.
        ///
        /// The limit is split evenly over the event loops (each admits `maxConnections / eventLoops`, at
        /// least one), since the kernel spreads new connections over them, and it is lowered at `start()`
        /// to leave 64 descriptors of the process's open-file limit (`ulimit -n`) for everything else.
        public var maxConnections: Int
        /// How long a connection may stay silent while the server waits for a request or the rest of one
        /// (an idle keep-alive connection included) before it is closed without an answer; zero waits
        /// forever. Every byte received starts it again, so it bounds silence, not the time a whole request
        /// may take. Not counted while an answer is held back.
        public var readTimeout: Duration
        /// How long a client may leave an answer unread (no progress writing it) before the connection is
        /// closed; zero waits forever.
        public var writeTimeout: Duration
        /// How long `shutdown()` lets held-back answers wait for their delay before sending them at once.
        public var shutdownGrace: Duration

        /// Creates a configuration.
        public init(
            host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 1 << 20,
            maxHeaderBytes: Int = 64 << 10, eventLoops: Int = 1, maxHeaderCount: Int = 100,
            maxURIBytes: Int = 8 << 10, maxConnections: Int = 4096, readTimeout: Duration = .seconds(30),
            writeTimeout: Duration = .seconds(30), shutdownGrace: Duration = .milliseconds(1500)
        ) {
            self.host = host
            self.port = port
            self.maxBodyBytes = maxBodyBytes
            self.maxHeaderBytes = maxHeaderBytes
            self.eventLoops = eventLoops
            self.maxHeaderCount = maxHeaderCount
            self.maxURIBytes = maxURIBytes
            self.maxConnections = maxConnections
            self.readTimeout = readTimeout
            self.writeTimeout = writeTimeout
            self.shutdownGrace = shutdownGrace
        }
    }
}
