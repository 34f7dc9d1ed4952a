/// The DTO schemas of PUT /invoices/{invoiceId} and POST /invoices/schedule/{scheduleId}/cancel, in the spec's
/// declaration order (components.schemas of HighLevel's OpenAPI document), with the decorators class-validator
/// 0.13 is assumed to run.
///
/// Where the spec and API-NOTES are silent, the sandbox assumes:
///
/// 1. Required property (in the schema's `required` list): its type rule(s), then `@IsNotEmpty()` — for every
///    type, numbers, booleans, arrays and nested DTOs included. A missing or `null` `qty` gives
///    `qty must be a number conforming to the specified constraints` and `qty should not be empty`; `0`, `false`,
///    `[]` and `{}` are not empty, so `invoiceItems: []` is valid (no `@ArrayNotEmpty`: the spec has no minItems).
/// 2. Optional property: `@IsOptional()` first, so a missing key and `null` skip every rule.
/// 3. Nested DTO: `@ValidateNested() @Type(() => Dto)`, no `@IsObject()`. A required one (`paymentMethods.stripe`):
///    missing → only `should not be empty` (class-validator skips nested validation of `undefined`); `null` →
///    `should not be empty` then the nested-property message.
/// 4. Array of DTOs: `@IsArray() @ValidateNested({ each: true }) @Type(() => Dto)`, so the nested message has
///    class-validator's `each value in ` prefix. A non-array string/number/boolean/null gives `must be an array`
///    and `each value in nested property … must be either object or array`; an object is validated as one DTO
///    (class-validator does so), so its own messages come out and, at the top level, NestJS drops the parent's
///    `must be an array` — `invoiceItems: {}` lists the missing item fields as `invoiceItems.name …`.
/// 5. Arrays of strings/numbers: `@IsArray()` then `@IsString({ each: true })` / `@IsNumber({}, { each: true })`.
///    A non-array is checked whole by the `each` rule, as class-validator does: `customValues: 5` gives both
///    messages, `customValues: "x"` only `must be an array`.
/// 6. `ProcessingFeeDto.charges`: `@IsArray() @IsObject({ each: true })`. The spec types it an array of arrays,
///    which API-NOTES lists among the spec's defects; like `schedules`, its elements are taken to be objects.
/// 7. Dates (`issueDate`, `dueDate`): one custom rule and no `@IsString()`, so a number gives only
///    `issueDate must be in YYYY-MM-DD format`. Any year 0000–9999 of the proleptic Gregorian calendar.
/// 8. Emails (`contactDetails.email`, `additionalEmails.N.email`): `@IsEmail()` alone (no `@IsString()`), with
///    validator.js's default options.
/// 9. Ids (`altId`, `contactId`, `_id`, `productId`, …) and URLs are plain strings: no `@IsMongoId()`, no `@IsUrl()`.
/// 10. `xeroDetails`: `@IsObject()`, its keys unchecked. `PaymentScheduleDto.schedules`: `@IsArray()
///     @IsObject({ each: true })`, the objects' keys unchecked (the spec says strings, they hold objects).
///     `TipsConfigurationDto.tipsPercentage`: numbers.
/// 11. Enums compare exactly (`Location` is not `location`); `UpdateInvoiceDto.invoiceNumber` is a string, as the
///     request schema says (only the response schemas type it as a number).
/// 12. An array where one DTO object is expected (`discount: []`), and an array as an element of an array of DTOs,
///     get the nested-property message. class-validator would walk into such an array instead and let `[]`
///     through; the sandbox refuses it because its handlers read objects there.
/// 13. Keys that never reach class-validator are ignored, not reported: `__proto__` (NestJS's pipe deletes it) and
///     the names of `Object.prototype`'s methods (`constructor`, `toString`, … — class-transformer skips them).
/// 14. Unknown keys are reported in JavaScript's `Object.keys` order: array-index keys (`"0"`, `"12"`) first in
///     numeric order, then the rest as sent.
/// 15. Messages are flattened exactly as NestJS's ValidationPipe does (`NestMessageFlattener`): nested messages are
///     prefixed with the parent path whatever their wording (`invoiceItems.0.property foo should not exist`,
///     `contactDetails.nested property address must be either object or array`,
///     `businessDetails.each value in customValues must be a string`).
enum InvoiceSchemas {
    /// `UpdateInvoiceDto`, the body of PUT /invoices/{invoiceId}.
    static let updateInvoice = DTOSchema(
        "UpdateInvoiceDto",
        [
            .required("altId", .string),
            .required("altType", .enumeration(altTypes)),
            .required("name", .string),
            .optional("title", .string),
            .required("currency", .string),
            .optional("description", .string),
            .optional("businessDetails", .nested(businessDetails)),
            .optional("invoiceNumber", .string),
            .optional("contactId", .string),
            .optional("contactDetails", .nested(contactDetails)),
            .optional("termsNotes", .string),
            .optional("discount", .nested(discount)),
            .required("invoiceItems", .arrayOf(invoiceItem)),
            .optional("automaticTaxesEnabled", .boolean),
            .optional("liveMode", .boolean),
            .required("issueDate", .date),
            .required("dueDate", .date),
            .optional("paymentSchedule", .nested(paymentSchedule)),
            .optional("tipsConfiguration", .nested(tipsConfiguration)),
            .optional("xeroDetails", .object),
            .optional("invoiceNumberPrefix", .string),
            .optional("paymentMethods", .nested(paymentMethod)),
            .optional("attachments", .arrayOf(attachments)),
            .optional("miscellaneousCharges", .nested(processingFee)),
        ])

    /// `CancelInvoiceScheduleDto`, the body of POST /invoices/schedule/{scheduleId}/cancel.
    static let cancelInvoiceSchedule = DTOSchema(
        "CancelInvoiceScheduleDto", [.required("altId", .string), .required("altType", .enumeration(altTypes))])

    /// The only `altType` the Invoices API documents.
    static let altTypes = ["location"]

    static let businessDetails = DTOSchema(
        "BusinessDetailsDto",
        [
            .optional("logoUrl", .string), .optional("name", .string), .optional("phoneNo", .string),
            .optional("address", .nested(address)), .optional("website", .string),
            .optional("customValues", .strings),
        ])

    static let address = DTOSchema(
        "AddressDto",
        [
            .optional("addressLine1", .string), .optional("addressLine2", .string), .optional("city", .string),
            .optional("state", .string), .optional("countryCode", .string), .optional("postalCode", .string),
        ])

    static let contactDetails = DTOSchema(
        "ContactDetailsDto",
        [
            .required("id", .string), .required("name", .string), .required("phoneNo", .string),
            .required("email", .email), .optional("additionalEmails", .arrayOf(additionalEmails)),
            .optional("companyName", .string), .optional("address", .nested(address)),
            .optional("customFields", .strings),
        ])

    static let additionalEmails = DTOSchema("AdditionalEmailsDto", [.required("email", .email)])

    static let discount = DTOSchema(
        "DiscountDto",
        [
            .optional("value", .number), .required("type", .enumeration(["percentage", "fixed"])),
            .optional("validOnProductIds", .strings),
        ])

    static let invoiceItem = DTOSchema(
        "InvoiceItemDto",
        [
            .required("name", .string), .optional("description", .string), .optional("productId", .string),
            .optional("priceId", .string), .required("currency", .string), .required("amount", .number),
            .required("qty", .number), .optional("taxes", .arrayOf(itemTax)),
            .optional("automaticTaxCategoryId", .string), .optional("isSetupFeeItem", .boolean),
            .optional("type", .enumeration(["one_time", "recurring"])), .optional("taxInclusive", .boolean),
        ])

    static let itemTax = DTOSchema(
        "ItemTaxDto",
        [
            .required("_id", .string), .required("name", .string), .required("rate", .number),
            .optional("calculation", .enumeration(["exclusive"])), .optional("description", .string),
            .optional("taxId", .string),
        ])

    static let paymentSchedule = DTOSchema(
        "PaymentScheduleDto",
        [.required("type", .enumeration(["fixed", "percentage"])), .required("schedules", .objects)])

    static let tipsConfiguration = DTOSchema(
        "TipsConfigurationDto", [.required("tipsPercentage", .numbers), .required("tipsEnabled", .boolean)])

    static let paymentMethod = DTOSchema("PaymentMethodDto", [.required("stripe", .nested(stripePaymentMethod))])

    static let stripePaymentMethod = DTOSchema(
        "StripePaymentMethodDto", [.required("enableBankDebitOnly", .boolean)])

    static let attachments = DTOSchema(
        "AttachmentsDto",
        [
            .required("id", .string), .required("name", .string), .required("url", .string),
            .required("type", .string), .required("size", .number),
        ])

    static let processingFee = DTOSchema(
        "ProcessingFeeDto",
        [
            .required("charges", .objects), .optional("collectedMiscellaneousCharges", .number),
            .optional("paidCharges", .arrayOf(processingFeePaidCharge)),
        ])

    static let processingFeePaidCharge = DTOSchema(
        "ProcessingFeePaidChargeDto",
        [
            .required("name", .string), .required("charge", .number), .required("amount", .number),
            .required("_id", .string),
        ])
}
