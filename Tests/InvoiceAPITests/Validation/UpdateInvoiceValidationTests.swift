import InvoiceAPI
import SandboxJSON
import Testing

/// UpdateInvoiceDto's top-level fields: required fields, types, enums, dates, unknown keys, several at once.
struct UpdateInvoiceValidationTests {
    static let number = "must be a number conforming to the specified constraints"

    static let cases: [ValidationCase] = [
        .body(
            "the empty body lists every required field in declaration order", "{}",
            [
                "altId must be a string", "altId should not be empty", "altType must be a valid enum value",
                "altType should not be empty", "name must be a string", "name should not be empty",
                "currency must be a string", "currency should not be empty", "invoiceItems must be an array",
                "invoiceItems should not be empty", "issueDate must be in YYYY-MM-DD format",
                "issueDate should not be empty", "dueDate must be in YYYY-MM-DD format", "dueDate should not be empty",
            ]),
        .base("the required fields alone are valid", "{}", []),
        .base("altId missing", removing: ["altId"], ["altId must be a string", "altId should not be empty"]),
        .base("altId empty", #"{"altId": ""}"#, ["altId should not be empty"]),
        .base("altId a number", #"{"altId": 5}"#, ["altId must be a string"]),
        .base("altType company", #"{"altType": "company"}"#, ["altType must be a valid enum value"]),
        .base("altType compares exactly", #"{"altType": "Location"}"#, ["altType must be a valid enum value"]),
        .base("name null is empty", #"{"name": null}"#, ["name must be a string", "name should not be empty"]),
        .base(
            "currency missing", removing: ["currency"], ["currency must be a string", "currency should not be empty"]),
        .base("title a number", #"{"title": 5}"#, ["title must be a string"]),
        .base(
            "invoiceNumber is a string in the request", #"{"invoiceNumber": 1001}"#,
            ["invoiceNumber must be a string"]),
        .base(
            "booleans are true or false only", #"{"automaticTaxesEnabled": "true", "liveMode": 0}"#,
            ["automaticTaxesEnabled must be a boolean value", "liveMode must be a boolean value"]),
        .base("xeroDetails an array", #"{"xeroDetails": []}"#, ["xeroDetails must be an object"]),
        .base("xeroDetails keys are not checked", #"{"xeroDetails": {"anything": [1, {"x": null}]}}"#, []),
        .base(
            "null optional fields count as absent",
            #"""
            {"title": null, "description": null, "businessDetails": null, "invoiceNumber": null, "contactId": null,
             "contactDetails": null, "termsNotes": null, "discount": null, "automaticTaxesEnabled": null,
             "liveMode": null, "paymentSchedule": null, "tipsConfiguration": null, "xeroDetails": null,
             "invoiceNumberPrefix": null, "paymentMethods": null, "attachments": null, "miscellaneousCharges": null}
            """#, []),
        .base(
            "issueDate an impossible day", #"{"issueDate": "2023-02-30"}"#, ["issueDate must be in YYYY-MM-DD format"]),
        .base("issueDate 29 February of a leap year", #"{"issueDate": "2024-02-29"}"#, []),
        .base("dueDate 29 February 1900", #"{"dueDate": "1900-02-29"}"#, ["dueDate must be in YYYY-MM-DD format"]),
        .base("dueDate month 13", #"{"dueDate": "2023-13-01"}"#, ["dueDate must be in YYYY-MM-DD format"]),
        .base("issueDate without padding", #"{"issueDate": "2023-1-01"}"#, ["issueDate must be in YYYY-MM-DD format"]),
        .base(
            "dueDate with a time", #"{"dueDate": "2023-01-14T00:00:00.000Z"}"#, ["dueDate must be in YYYY-MM-DD format"]
        ),
        .base("issueDate a number", #"{"issueDate": 20230101}"#, ["issueDate must be in YYYY-MM-DD format"]),
        .base(
            "issueDate empty", #"{"issueDate": ""}"#,
            ["issueDate must be in YYYY-MM-DD format", "issueDate should not be empty"]),
        .base(
            "unknown keys come first, in key order", #"{"name": 5, "pipelineStageName": "x", "status": "paid"}"#,
            [
                "property pipelineStageName should not exist", "property status should not exist",
                "name must be a string",
            ]
        ),
        .base(
            "unknown index-like keys come first in numeric order, as JavaScript orders keys",
            #"{"b": 1, "10": 1, "2": 1}"#,
            ["property 2 should not exist", "property 10 should not exist", "property b should not exist"]),
        .base(
            "keys NestJS and class-transformer drop are not reported",
            #"{"__proto__": {"x": 1}, "constructor": 1, "toString": "x", "hasOwnProperty": null}"#, []),
        .base(
            "several violations at once, in declaration order",
            #"""
            {"zzz": 1, "altType": "agency", "name": "", "issueDate": "2023-02-30",
             "discount": {"type": "fixed", "value": "5"},
             "invoiceItems": [{"name": "A", "currency": "USD", "amount": 1, "qty": "2", "foo": 1}]}
            """#,
            [
                "property zzz should not exist", "altType must be a valid enum value", "name should not be empty",
                "discount.value \(number)", "invoiceItems.0.property foo should not exist",
                "invoiceItems.0.qty \(number)", "issueDate must be in YYYY-MM-DD format",
            ]),
    ]

    @Test(arguments: cases)
    func updateBodiesGetEveryMessageInOrder(_ testCase: ValidationCase) throws {
        #expect(
            RequestValidation.updateInvoice(try testCase.body(over: UpdateInvoiceBodies.minimal)) == testCase.messages)
    }

    @Test func aBodyUsingEveryFieldOfTheSpecIsValid() {
        #expect(RequestValidation.updateInvoice(UpdateInvoiceBodies.complete) == [])
    }
}
