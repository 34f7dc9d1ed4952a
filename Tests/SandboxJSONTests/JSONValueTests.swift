import SandboxJSON
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test(
        "Literals build the matching case",
        arguments: [
            (nil, JSONValue.null),
            (true, .bool(true)),
            (false, .bool(false)),
            (42, .number(42)),
            (-7, .number(-7)),
            (1.5, .number(1.5)),
            ("text", .string("text")),
            ([1, "a", nil, [true]], .array([.number(1), .string("a"), .null, .array([.bool(true)])])),
            (
                ["k": 1, "j": ["x": false]],
                .object(JSONObject([("k", .number(1)), ("j", .object(["x": .bool(false)]))]))
            ),
        ] as [(JSONValue, JSONValue)]
    )
    func literalsBuildTheMatchingCase(literal: JSONValue, expected: JSONValue) {
        #expect(literal == expected)
    }

    @Test("Dictionary literals keep the written order")
    func dictionaryLiteralsKeepTheWrittenOrder() {
        let value: JSONValue = ["zeta": 1, "alpha": 2, "mid": 3]
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid"])
        #expect(value.description == #"{"zeta":1,"alpha":2,"mid":3}"#)
    }

    @Test(
        "kindName names the JSON type",
        arguments: [
            (nil, "null"),
            (true, "boolean"),
            (3.25, "number"),
            ("s", "string"),
            ([], "array"),
            ([:], "object"),
        ] as [(JSONValue, String)]
    )
    func kindNameNamesTheJSONType(value: JSONValue, kind: String) {
        #expect(value.kindName == kind)
    }

    @Test("Accessors return the payload only for the matching case")
    func accessorsReturnThePayloadOnlyForTheMatchingCase() {
        let values: [JSONValue] = [nil, true, 2.5, "s", [1], ["a": 1]]
        #expect(values.map(\.isNull) == [true, false, false, false, false, false])
        #expect(values.map(\.boolValue) == [nil, true, nil, nil, nil, nil])
        #expect(values.map(\.numberValue) == [nil, nil, 2.5, nil, nil, nil])
        #expect(values.map(\.stringValue) == [nil, nil, nil, "s", nil, nil])
        #expect(values.map(\.arrayValue) == [nil, nil, nil, nil, [1], nil])
        #expect(values.map(\.objectValue) == [nil, nil, nil, nil, nil, ["a": 1]])
    }

    @Test(
        "intValue is set only for integral numbers that fit",
        arguments: [
            (3, 3),
            (-12, -12),
            (3.5, nil),
            (1e300, nil),
            ("3", nil),
        ] as [(JSONValue, Int?)]
    )
    func intValueIsSetOnlyForIntegralNumbersThatFit(value: JSONValue, expected: Int?) {
        #expect(value.intValue == expected)
    }

    @Test("Subscripts reach into objects and arrays and return nil otherwise")
    func subscriptsReachIntoObjectsAndArrays() {
        let value: JSONValue = ["items": [10, 20], "name": "x"]
        #expect(value["name"] == "x")
        #expect(value["missing"] == nil)
        #expect(value["items"]?[1] == 20)
        #expect(value["items"]?[2] == nil)
        #expect(value["items"]?[-1] == nil)
        #expect(value[0] == nil)
        #expect(JSONValue.string("x")["name"] == nil)
    }

    @Test("description is the compact JSON text")
    func descriptionIsTheCompactJSONText() {
        let value: JSONValue = ["a": [1, 2.5, nil, true], "b": "q\"uote"]
        #expect(value.description == #"{"a":[1,2.5,null,true],"b":"q\"uote"}"#)
    }

    @Test("Arrays compare in order")
    func arraysCompareInOrder() {
        #expect(JSONValue.array([1, 2]) != JSONValue.array([2, 1]))
        #expect(JSONValue.array([1, 2]) == JSONValue.array([1, 2]))
        #expect(JSONValue.number(1) != JSONValue.string("1"))
    }
}
