#if canImport(Glibc)
    import Glibc
#endif

extension timeval {
    /// A delay of that length rounded up to the microsecond, so a timer never fires before it; zero when
    /// it is not positive.
    init(delay: Duration) {
        guard delay > .zero else {
            self.init(tv_sec: 0, tv_usec: 0)
            return
        }
        let (seconds, attoseconds) = delay.components
        let microseconds = (attoseconds + 999_999_999_999) / 1_000_000_000_000
        self.init(tv_sec: Int(seconds) + Int(microseconds / 1_000_000), tv_usec: Int(microseconds % 1_000_000))
    }
}
