import InvoiceAPI
import SandboxJSON
import Testing

struct CancelScheduleValidationTests {
    static let base: JSONObject = ["altId": "6578278e879ad2646715ba9c", "altType": "location"]

    static let cases: [ValidationCase] = [
        .body(
            "the empty body lists every required field", "{}",
            [
                "altId must be a string", "altId should not be empty", "altType must be a valid enum value",
                "altType should not be empty",
            ]),
        .base("the documented body is valid", "{}", []),
        .base("altId missing", removing: ["altId"], ["altId must be a string", "altId should not be empty"]),
        .base("altId null", #"{"altId": null}"#, ["altId must be a string", "altId should not be empty"]),
        .base("altId empty", #"{"altId": ""}"#, ["altId should not be empty"]),
        .base("altId an array", #"{"altId": ["a"]}"#, ["altId must be a string"]),
        .base("altType company", #"{"altType": "company"}"#, ["altType must be a valid enum value"]),
        .base(
            "unknown keys come first", #"{"altType": 1, "reason": "x"}"#,
            ["property reason should not exist", "altType must be a valid enum value"]),
    ]

    @Test(arguments: cases)
    func cancelBodiesGetEveryMessageInOrder(_ testCase: ValidationCase) throws {
        #expect(RequestValidation.cancelSchedule(try testCase.body(over: Self.base)) == testCase.messages)
    }
}
