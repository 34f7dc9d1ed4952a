import SandboxJSON

/// A compact invoice in exactly the form JavaScript's JSON.stringify writes it (1.3 KB).
let invoiceFixture =
    #"{"_id":"6578278e879ad2646715ba9c","status":"draft","liveMode":false,"amountPaid":0,"altId":"6578278e879ad2646715ba9c","altType":"location","name":"New Invoice","businessDetails":{"name":"Alex Plumbing","address":"9931 Beechwood, TX","phoneNo":"+1-214-559-6993","website":"www.example.com","logoUrl":"https://example.com/logo.png"},"invoiceNumber":"19","currency":"USD","contactDetails":{"id":"ABC12345","name":"Alex","phoneNo":"+1234567890","email":"alex@example.com","companyName":"ABC Corp.","address":{"addressLine1":"9931 Beechwood","city":"St. Houston","state":"TX","countryCode":"USA","postalCode":"559-6993"}},"issueDate":"2023-01-01","dueDate":"2023-01-14","discount":{"type":"percentage","value":10},"invoiceItems":[{"taxes":[{"_id":"tax1","name":"VAT","rate":7.5,"calculation":"exclusive"}],"_id":"c6tZZU0rJBf30ZXx9Gli","productId":"6578278e879ad2646715ba9c","priceId":"6578278e879ad2646715ba9c","currency":"USD","name":"Plumbing \"deluxe\" service","qty":1.5,"amount":376.29,"description":"Line 1\nLine 2 — café 🚿"}],"total":399342,"title":"INVOICE","amountDue":399342,"createdAt":"2023-12-12T09:27:42.355Z","updatedAt":"2023-12-12T09:27:42.355Z","totalSummary":{"subTotal":376.29,"discount":-37.629,"tax":0.000001},"termsNotes":"<p>Pay within 14 days</p>","sentTo":{"email":["alex@example.com"],"phoneNo":[]},"automaticTaxesCalculated":true,"meta":null}"#

/// Returns the error parsing `text` throws, or `nil` when it parses.
func parseFailure(_ text: String, maxDepth: Int = 256) -> JSONParseError? {
    do throws(JSONParseError) {
        _ = try JSONParser.parse(text, maxDepth: maxDepth)
        return nil
    } catch {
        return error
    }
}

/// Returns the error parsing `bytes` throws, or `nil` when they parse.
func parseFailure(_ bytes: [UInt8], maxDepth: Int = 256) -> JSONParseError? {
    do throws(JSONParseError) {
        _ = try JSONParser.parse(bytes, maxDepth: maxDepth)
        return nil
    } catch {
        return error
    }
}
