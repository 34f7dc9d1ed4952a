extension AccessToken {
    /// Throws the 403 unless the token may act on the location.
    public func authorize(locationId: String) throws(APIError) {
        guard locationIds.contains(locationId) else { throw .locationForbidden }
    }
}
