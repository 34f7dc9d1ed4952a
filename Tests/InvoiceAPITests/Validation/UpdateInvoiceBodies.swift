import SandboxJSON

/// UpdateInvoiceDto bodies built from the examples of HighLevel's OpenAPI document.
enum UpdateInvoiceBodies {
    /// The required fields only, with one item.
    static let minimal: JSONObject = [
        "altId": "6578278e879ad2646715ba9c", "altType": "location", "name": "New Invoice", "currency": "USD",
        "invoiceItems": [["name": "Macbook Pro", "currency": "USD", "amount": 999, "qty": 1]],
        "issueDate": "2023-01-01", "dueDate": "2023-01-14",
    ]

    static let address: JSONValue = [
        "addressLine1": "9931 Beechwood", "addressLine2": "Beechwood", "city": "St. Houston", "state": "TX",
        "countryCode": "US", "postalCode": "559-6993",
    ]

    /// Every field of UpdateInvoiceDto and of every DTO inside it, each with its spec example where there is one.
    static let complete: JSONObject = [
        "altId": "6578278e879ad2646715ba9c", "altType": "location", "name": "New Invoice", "title": "INVOICE",
        "currency": "USD", "description": "ABC Corp payments",
        "businessDetails": [
            "logoUrl": "https://example.com/logo.png", "name": "ABC Corp.", "phoneNo": "+1-214-559-6993",
            "address": address, "website": "wwww.example.com", "customValues": ["Net 30"],
        ],
        "invoiceNumber": "1001", "contactId": "6578278e879ad2646715ba9c",
        "contactDetails": [
            "id": "6578278e879ad2646715ba9c", "name": "Alex", "phoneNo": "+1234567890", "email": "alex@example.com",
            "additionalEmails": [["email": "alex@example.com"]], "companyName": "ABC Corp.", "address": address,
            "customFields": ["VIP"],
        ],
        "termsNotes": "<p>This is a default terms.</p>",
        "discount": ["value": 10, "type": "percentage", "validOnProductIds": ["6579751d56f60276e5bd4154"]],
        "invoiceItems": [
            [
                "name": "ABC Product", "description": "ABC Corp.", "productId": "6578278e879ad2646715ba9c",
                "priceId": "6578278e879ad2646715ba9c", "currency": "USD", "amount": 999, "qty": 1,
                "taxes": [
                    [
                        "_id": "6578278e879ad2646715ba9d", "name": "VAT", "rate": 13, "calculation": "exclusive",
                        "description": "Value added tax", "taxId": "6578278e879ad2646715ba9e",
                    ]
                ],
                "automaticTaxCategoryId": "6578278e879ad2646715ba9c", "isSetupFeeItem": false, "type": "one_time",
                "taxInclusive": true,
            ]
        ],
        "automaticTaxesEnabled": true, "liveMode": false, "issueDate": "2023-01-01", "dueDate": "2023-01-14",
        "paymentSchedule": ["type": "percentage", "schedules": [["value": 50, "dueDate": "2023-01-14"]]],
        "tipsConfiguration": ["tipsPercentage": [5, 10, 15], "tipsEnabled": true],
        "xeroDetails": ["contactId": "xero-1"], "invoiceNumberPrefix": "INV-",
        "paymentMethods": ["stripe": ["enableBankDebitOnly": false]],
        "attachments": [
            [
                "id": "6241712be68f7a98102ba272", "name": "Electronics.pdf",
                "url": "https://example.com/digital-delivery", "type": "application/pdf", "size": 10000,
            ]
        ],
        "miscellaneousCharges": [
            "charges": [["name": "Processing Fee", "charge": 3]], "collectedMiscellaneousCharges": 10,
            "paidCharges": [["name": "Processing Fee", "charge": 10, "amount": 10, "_id": "673d01d7d547648a8dab6211"]],
        ],
    ]
}
