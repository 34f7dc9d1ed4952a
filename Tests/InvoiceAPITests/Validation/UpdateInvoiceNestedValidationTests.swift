import InvoiceAPI
import SandboxJSON
import Testing

/// The DTOs inside UpdateInvoiceDto: dotted paths through objects and arrays, nested non-objects, unknown keys.
struct UpdateInvoiceNestedValidationTests {
    static let number = "must be a number conforming to the specified constraints"
    static let item = #"{"name": "Macbook Pro", "currency": "USD", "amount": 999, "qty": 1"#

    static let cases: [ValidationCase] = [
        .base("invoiceItems empty is valid", #"{"invoiceItems": []}"#, []),
        .base(
            "invoiceItems null", #"{"invoiceItems": null}"#,
            [
                "invoiceItems must be an array", "invoiceItems should not be empty",
                "each value in nested property invoiceItems must be either object or array",
            ]),
        .base(
            "invoiceItems a string", #"{"invoiceItems": "Macbook"}"#,
            [
                "invoiceItems must be an array",
                "each value in nested property invoiceItems must be either object or array",
            ]
        ),
        .base(
            "invoiceItems an object is validated as one item and NestJS drops the array message",
            #"{"invoiceItems": {"name": "Macbook Pro"}}"#,
            [
                "invoiceItems.currency must be a string", "invoiceItems.currency should not be empty",
                "invoiceItems.amount \(number)", "invoiceItems.amount should not be empty",
                "invoiceItems.qty \(number)", "invoiceItems.qty should not be empty",
            ]),
        .base(
            "an empty item lists its required fields", #"{"invoiceItems": [{}]}"#,
            [
                "invoiceItems.0.name must be a string", "invoiceItems.0.name should not be empty",
                "invoiceItems.0.currency must be a string", "invoiceItems.0.currency should not be empty",
                "invoiceItems.0.amount \(number)", "invoiceItems.0.amount should not be empty",
                "invoiceItems.0.qty \(number)", "invoiceItems.0.qty should not be empty",
            ]),
        .base(
            "numeric strings are not numbers",
            #"{"invoiceItems": [\#(item)}, {"name": "B", "currency": "USD", "amount": "999", "qty": "1"}]}"#,
            ["invoiceItems.1.amount \(number)", "invoiceItems.1.qty \(number)"]),
        .base(
            "items that are not objects, arrays included", #"{"invoiceItems": [\#(item)}, 5, null, []]}"#,
            Array(
                repeating: "invoiceItems.each value in nested property invoiceItems must be either object or array",
                count: 3)),
        .base(
            "an unknown key inside an item", #"{"invoiceItems": [\#(item), "foo": 1}]}"#,
            ["invoiceItems.0.property foo should not exist"]),
        .base(
            "item enums and booleans",
            #"{"invoiceItems": [\#(item), "type": "monthly", "isSetupFeeItem": "true", "taxInclusive": 1}]}"#,
            [
                "invoiceItems.0.isSetupFeeItem must be a boolean value",
                "invoiceItems.0.type must be a valid enum value",
                "invoiceItems.0.taxInclusive must be a boolean value",
            ]),
        .base(
            "an empty tax", #"{"invoiceItems": [\#(item), "taxes": [{}]}]}"#,
            [
                "invoiceItems.0.taxes.0._id must be a string", "invoiceItems.0.taxes.0._id should not be empty",
                "invoiceItems.0.taxes.0.name must be a string", "invoiceItems.0.taxes.0.name should not be empty",
                "invoiceItems.0.taxes.0.rate \(number)", "invoiceItems.0.taxes.0.rate should not be empty",
            ]),
        .base(
            "a tax with an empty id, a string rate and an unknown calculation",
            #"""
            {"invoiceItems": [\#(item),
             "taxes": [{"_id": "", "name": "VAT", "rate": "13", "calculation": "inclusive"}]}]}
            """#,
            [
                "invoiceItems.0.taxes.0._id should not be empty", "invoiceItems.0.taxes.0.rate \(number)",
                "invoiceItems.0.taxes.0.calculation must be a valid enum value",
            ]),
        .base(
            "taxes not an array", #"{"invoiceItems": [\#(item), "taxes": "VAT"}]}"#,
            [
                "invoiceItems.0.taxes must be an array",
                "invoiceItems.0.each value in nested property taxes must be either object or array",
            ]),
        .base(
            "discount type unknown and value a string", #"{"discount": {"type": "amount", "value": "10"}}"#,
            ["discount.value \(number)", "discount.type must be a valid enum value"]),
        .base(
            "discount empty", #"{"discount": {}}"#,
            ["discount.type must be a valid enum value", "discount.type should not be empty"]),
        .base(
            "discount a string", #"{"discount": "10%"}"#, ["nested property discount must be either object or array"]),
        .base("discount an array", #"{"discount": []}"#, ["nested property discount must be either object or array"]),
        .base(
            "discount product ids not strings", #"{"discount": {"type": "fixed", "validOnProductIds": [1]}}"#,
            ["discount.each value in validOnProductIds must be a string"]),
        .base(
            "contactDetails empty", #"{"contactDetails": {}}"#,
            [
                "contactDetails.id must be a string", "contactDetails.id should not be empty",
                "contactDetails.name must be a string", "contactDetails.name should not be empty",
                "contactDetails.phoneNo must be a string", "contactDetails.phoneNo should not be empty",
                "contactDetails.email must be an email", "contactDetails.email should not be empty",
            ]),
        .base(
            "contactDetails email without a domain",
            #"{"contactDetails": {"id": "c1", "name": "Alex", "phoneNo": "+1", "email": "alex@"}}"#,
            ["contactDetails.email must be an email"]),
        .base(
            "additional emails",
            #"""
            {"contactDetails": {"id": "c1", "name": "Alex", "phoneNo": "+1", "email": "alex@example.com",
             "additionalEmails": [{"email": "not-an-email"}, {}]}}
            """#,
            [
                "contactDetails.additionalEmails.0.email must be an email",
                "contactDetails.additionalEmails.1.email must be an email",
                "contactDetails.additionalEmails.1.email should not be empty",
            ]),
        .base(
            "additionalEmails a string",
            #"""
            {"contactDetails": {"id": "c1", "name": "Alex", "phoneNo": "+1", "email": "alex@example.com",
             "additionalEmails": "bob@example.com"}}
            """#,
            [
                "contactDetails.additionalEmails must be an array",
                "contactDetails.each value in nested property additionalEmails must be either object or array",
            ]),
        .base(
            "additionalEmails an object: below the top level NestJS keeps the array message, after the children",
            #"""
            {"contactDetails": {"id": "c1", "name": "Alex", "phoneNo": "+1", "email": "alex@example.com",
             "additionalEmails": {}}}
            """#,
            [
                "contactDetails.additionalEmails.email must be an email",
                "contactDetails.additionalEmails.email should not be empty",
                "contactDetails.additionalEmails must be an array",
            ]),
        .base(
            "contact address a string",
            #"""
            {"contactDetails": {"id": "c1", "name": "Alex", "phoneNo": "+1", "email": "a@b.co",
             "address": "Houston"}}
            """#,
            ["contactDetails.nested property address must be either object or array"]),
        .base(
            "an unknown key in the business address", #"{"businessDetails": {"address": {"city": 5, "zip": "77001"}}}"#,
            ["businessDetails.address.property zip should not exist", "businessDetails.address.city must be a string"]),
        .base(
            "customValues a number", #"{"businessDetails": {"customValues": 5}}"#,
            [
                "businessDetails.customValues must be an array",
                "businessDetails.each value in customValues must be a string",
            ]
        ),
        .base(
            "customValues a string", #"{"businessDetails": {"customValues": "x"}}"#,
            ["businessDetails.customValues must be an array"]),
        .base(
            "paymentSchedule empty", #"{"paymentSchedule": {}}"#,
            [
                "paymentSchedule.type must be a valid enum value", "paymentSchedule.type should not be empty",
                "paymentSchedule.schedules must be an array",
                "paymentSchedule.each value in schedules must be an object",
                "paymentSchedule.schedules should not be empty",
            ]),
        .base(
            "paymentSchedule elements must be objects",
            #"{"paymentSchedule": {"type": "fixed", "schedules": [{"value": 50}, "x"]}}"#,
            ["paymentSchedule.each value in schedules must be an object"]),
        .base(
            "tips percentages must be numbers",
            #"{"tipsConfiguration": {"tipsPercentage": [5, "10"], "tipsEnabled": "yes"}}"#,
            [
                "tipsConfiguration.each value in tipsPercentage \(number)",
                "tipsConfiguration.tipsEnabled must be a boolean value",
            ]),
        .base(
            "tipsConfiguration empty", #"{"tipsConfiguration": {}}"#,
            [
                "tipsConfiguration.tipsPercentage must be an array",
                "tipsConfiguration.each value in tipsPercentage \(number)",
                "tipsConfiguration.tipsPercentage should not be empty",
                "tipsConfiguration.tipsEnabled must be a boolean value",
                "tipsConfiguration.tipsEnabled should not be empty",
            ]),
        .base(
            "paymentMethods without stripe", #"{"paymentMethods": {}}"#, ["paymentMethods.stripe should not be empty"]),
        .base(
            "stripe null", #"{"paymentMethods": {"stripe": null}}"#,
            [
                "paymentMethods.stripe should not be empty",
                "paymentMethods.nested property stripe must be either object or array",
            ]
        ),
        .base(
            "stripe empty", #"{"paymentMethods": {"stripe": {}}}"#,
            [
                "paymentMethods.stripe.enableBankDebitOnly must be a boolean value",
                "paymentMethods.stripe.enableBankDebitOnly should not be empty",
            ]),
        .base(
            "enableBankDebitOnly a string", #"{"paymentMethods": {"stripe": {"enableBankDebitOnly": "false"}}}"#,
            ["paymentMethods.stripe.enableBankDebitOnly must be a boolean value"]),
        .base(
            "attachment size a string",
            #"""
            {"attachments": [{"id": "a1", "name": "E.pdf", "url": "https://x.co/e", "type": "pdf",
             "size": "10kB"}]}
            """#,
            ["attachments.0.size \(number)"]),
        .base(
            "an empty attachment", #"{"attachments": [{}]}"#,
            [
                "attachments.0.id must be a string", "attachments.0.id should not be empty",
                "attachments.0.name must be a string", "attachments.0.name should not be empty",
                "attachments.0.url must be a string", "attachments.0.url should not be empty",
                "attachments.0.type must be a string", "attachments.0.type should not be empty",
                "attachments.0.size \(number)", "attachments.0.size should not be empty",
            ]),
        .base(
            "a paid charge without its id",
            #"""
            {"miscellaneousCharges": {"charges": [{}],
             "paidCharges": [{"name": "Fee", "charge": 10, "amount": 10}]}}
            """#,
            [
                "miscellaneousCharges.paidCharges.0._id must be a string",
                "miscellaneousCharges.paidCharges.0._id should not be empty",
            ]),
        .base(
            "charges must hold objects",
            #"{"miscellaneousCharges": {"charges": [1], "collectedMiscellaneousCharges": "10"}}"#,
            [
                "miscellaneousCharges.each value in charges must be an object",
                "miscellaneousCharges.collectedMiscellaneousCharges \(number)",
            ]),
        .base(
            "miscellaneousCharges empty", #"{"miscellaneousCharges": {}}"#,
            [
                "miscellaneousCharges.charges must be an array",
                "miscellaneousCharges.each value in charges must be an object",
                "miscellaneousCharges.charges should not be empty",
            ]
        ),
    ]

    @Test(arguments: cases)
    func nestedFieldsGetDottedMessagesInOrder(_ testCase: ValidationCase) throws {
        #expect(
            RequestValidation.updateInvoice(try testCase.body(over: UpdateInvoiceBodies.minimal)) == testCase.messages)
    }
}
