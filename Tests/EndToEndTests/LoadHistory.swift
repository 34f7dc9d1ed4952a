/// The checks made on the whole history of a load once every answer is in.
///
/// Timings are the client's: a request was sent at `sent` and its answer read at `answered`, so the server
/// handled it somewhere in between. Only what those bounds decide is checked; two requests whose intervals
/// overlap may have been handled in either order.
struct LoadHistory {
    let events: [LoadEvent]

    /// Every problem found, each naming the requests involved.
    var problems: [String] {
        unexpectedAnswers + answersNotFittingTheirRequest + readsOfLostOrUnacknowledgedWrites
            + recordsThatDifferForOneWrite + deletesOutOfOrder + cancelsOutOfOrder
    }

    /// Counts by request and outcome, e.g. `PUT → 200: 812`, for the test's report.
    var counts: [String: Int] {
        events.reduce(into: [:]) { counts, event in
            let action =
                switch event.action {
                case .put: "PUT"
                default: "\(event.action)"
                }
            let outcome =
                switch event.outcome {
                case .generation, .original: "200"
                case .unexpected: "unexpected"
                default: "\(event.outcome)"
                }
            counts["\(action) → \(outcome)", default: 0] += 1
        }
    }

    /// Answers that are neither a whole record nor a documented refusal: torn records, 5xx, other bodies.
    var unexpectedAnswers: [String] {
        events.compactMap { event in
            guard case .unexpected = event.outcome else { return nil }
            return event.summary
        }
    }

    /// A PUT answered with another PUT's record, a DELETE of a sent invoice that succeeded, and so on.
    var answersNotFittingTheirRequest: [String] {
        events.compactMap { event in
            let fits: Bool
            switch (event.action, event.outcome) {
            case (_, .unexpected): fits = true  // reported once, above
            case (.put(let generation), let outcome):
                fits = outcome == .generation(generation) || outcome == .invoiceNotFound
            case (.get, let outcome): fits = outcome.isInvoice || outcome == .invoiceNotFound
            case (.delete, let outcome) where LoadPlan.sentInvoices.contains(event.target):
                fits = outcome == .invoiceNotDraft
            case (.delete, let outcome): fits = outcome.isInvoice || outcome == .invoiceNotFound
            case (.cancel, let outcome): fits = outcome == .cancelled || outcome == .alreadyCancelled
            }
            return fits ? nil : "answer does not fit its request: \(event.summary)"
        }
    }

    /// An answer showing a record must show a write that was acknowledged with a 200, sent before the answer
    /// was read, and not overwritten for certain before the request was sent: that is, there is no other
    /// acknowledged write of the invoice that was sent after this one was acknowledged and was itself
    /// acknowledged before the request was sent. The original record counts as a write acknowledged before
    /// the load.
    var readsOfLostOrUnacknowledgedWrites: [String] {
        var writes: [Int: LoadEvent] = [:]
        for event in events {
            if case .put(let generation) = event.action, event.outcome == .generation(generation) {
                writes[generation] = event
            }
        }
        let writesByInvoice = Dictionary(grouping: writes.values, by: \.target).mapValues { invoiceWrites in
            // Sorted by acknowledgement, each with the write sent last among those acknowledged so far.
            var latest: LoadEvent?
            return invoiceWrites.sorted { $0.answered < $1.answered }.map { write in
                if latest.map({ write.sent > $0.sent }) ?? true { latest = write }
                return (answered: write.answered, latest: latest ?? write)
            }
        }
        return events.compactMap { read in
            let acknowledgedBefore = writesByInvoice[read.target]?.last { $0.answered < read.sent }
            switch read.outcome {
            case .original:
                guard let overwrite = acknowledgedBefore?.latest else { return nil }
                return "shows the original although \(overwrite.summary) was acknowledged before it was sent: "
                    + read.summary
            case .generation(let generation):
                guard let write = writes[generation], write.target == read.target else {
                    return "shows a record no acknowledged PUT of this invoice wrote: \(read.summary)"
                }
                guard write.sent < read.answered else { return "shows a PUT sent after it: \(read.summary)" }
                if let later = acknowledgedBefore?.latest, later.sent > write.answered {
                    return "shows load-\(generation) although \(later.summary), sent after that one was acknowledged, "
                        + "was acknowledged before it was sent (a lost write): \(read.summary)"
                }
                return nil
            default:
                return nil
            }
        }
    }

    /// Every answer showing one write (GET, PUT, DELETE) shows the same bytes, save GET's `totalSummary`.
    var recordsThatDifferForOneWrite: [String] {
        var first: [String: [UInt8]] = [:]
        return events.compactMap { event in
            guard let record = event.record else { return nil }
            let key = "\(event.target) \(event.outcome)"
            guard let seen = first[key] else {
                first[key] = record
                return nil
            }
            return seen == record ? nil : "bytes differ from another answer showing the same write: \(event.summary)"
        }
    }

    /// At most one DELETE of an invoice succeeds (exactly one once any is tried); before it was sent every
    /// request found the invoice, after it was answered none did; an invoice never deleted is always found.
    var deletesOutOfOrder: [String] {
        let invoiceEvents = events.filter { $0.action != .cancel }  // a schedule may share an invoice's id
        return Dictionary(grouping: invoiceEvents, by: \.target).flatMap { target, history -> [String] in
            let deletes = history.filter { $0.action == .delete && $0.outcome.isInvoice }
            guard let delete = deletes.first else {
                return history.filter { $0.outcome == .invoiceNotFound }.map {
                    "not found, yet no DELETE of it succeeded: \($0.summary)"
                }
            }
            if deletes.count > 1 { return ["\(deletes.count) DELETEs of \(target) succeeded"] }
            return history.compactMap { event in
                if event.sent > delete.answered, event.outcome != .invoiceNotFound {
                    return "found after its DELETE was answered: \(event.summary)"
                }
                if event.answered < delete.sent, event.outcome == .invoiceNotFound {
                    return "not found before its DELETE was sent: \(event.summary)"
                }
                return nil
            }
        }
    }

    /// Exactly one cancel of a schedule succeeds; every other is the documented 400, none answered before
    /// the successful one was sent.
    var cancelsOutOfOrder: [String] {
        Dictionary(grouping: events.filter { $0.action == .cancel }, by: \.target).flatMap {
            target, cancels -> [String] in
            let successes = cancels.filter { $0.outcome == .cancelled }
            guard successes.count == 1, let success = successes.first else {
                return ["\(successes.count) cancels of schedule \(target) succeeded, not 1"]
            }
            return cancels.compactMap { cancel in
                cancel.outcome == .alreadyCancelled && cancel.answered < success.sent
                    ? "already cancelled before the successful cancel was sent: \(cancel.summary)" : nil
            }
        }
    }
}
