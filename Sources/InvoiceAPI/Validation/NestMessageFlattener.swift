/// NestJS ValidationPipe's `flattenValidationErrors`, which turns class-validator's failure tree into the
/// `message` array of the 422 body.
///
/// NestJS prefixes each nested message with the parent path, whatever the message's wording, so nested messages
/// read `invoiceItems.0.qty must be …` but also `invoiceItems.0.property foo should not exist` and
/// `contactDetails.nested property address must be …`. A failure that has children contributes only its children
/// at the top level, and its children then its own constraints below it, exactly as NestJS's
/// `mapChildrenToValidationErrors` does.
enum NestMessageFlattener {
    /// The messages, in NestJS's order.
    static func messages(from failures: [ValidationFailure]) -> [String] {
        var messages: [String] = []
        for failure in failures {
            if failure.children.isEmpty {
                messages += failure.constraints.map(\.message)
            } else {
                appendChildren(of: failure, parentPath: nil, to: &messages)
            }
        }
        return messages
    }

    private static func appendChildren(of failure: ValidationFailure, parentPath: String?, to messages: inout [String])
    {
        let path = parentPath.map { "\($0).\(failure.property)" } ?? failure.property
        for child in failure.children {
            if !child.children.isEmpty {
                appendChildren(of: child, parentPath: path, to: &messages)
            }
            messages += child.constraints.map { "\(path).\($0.message)" }
        }
    }
}
