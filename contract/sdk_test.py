#!/usr/bin/env python3
"""End-to-end test through HighLevel's official Python SDK (PyPI gohighlevel-api-client, import highlevel).

    python3 contract/sdk_test.py --base-url http://127.0.0.1:PORT

Needs a sandbox freshly started on the shipped seed-data/ (with_sandbox.py does that): it updates and deletes
seed invoices and cancels the documentation's schedule. Prints one line per test and, last,
`N passed, M failed`; exits 1 when a test failed.

The SDK reads its base URL and API version from the class attributes BASE_URL and API_VERSION (in
HighLevel.__init__ and in every service method), so a subclass points it at the sandbox; API_VERSION must be
2021-07-28 because the SDK's default, v3, is refused by a sandbox started without `--api-version v3`.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

from highlevel import GHLError, HighLevel

API_VERSION = "2021-07-28"
TOKEN = "pit-sandbox-location-a"
LOCATION_A = "6578278e879ad2646715ba9c"
LOCATION_B = "65b7c1d2e3f4a5b6c7d8e9f0"

# seed-data/invoices.json and seed-data/schedules.json
DOCS_INVOICE = "6578278e879ad2646715ba9c"  # draft, 1 × 999, the documentation's example
SENT_INVOICE = "6ae8ac8a2f85e01b48e33da1"  # sent, 24 × 15500, 5 % off, 13 % tax: 399342
DRAFT_TO_UPDATE = "6af34c8c91664e4e3ed780ca"  # draft "Product Photography - Holiday Menu"
DRAFT_TO_DELETE = "6afb16d5080cabcb4680c017"  # draft "Accessibility Audit - Booking Page"
LOCATION_B_INVOICE = "6ae99483c7800721c807d264"
UNKNOWN_ID = "000000000000000000000000"
DOCS_SCHEDULE = "6578278e879ad2646715ba9c"

MESSAGES = {
    "bad_token": "Invalid token: access token is invalid",
    "bad_version": "version header is invalid",
    "forbidden": "The token does not have access to this location.",
    "not_found": "Unable to find an invoice with the given invoice id",
    "not_draft": "Invoice status need to be draft to delete an invoice",
}


class TestFailure(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise TestFailure(message)


def equal(actual: Any, expected: Any, what: str) -> None:
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def sdk_class(base_url: str, api_version: str | None = API_VERSION) -> type[HighLevel]:
    """The README's recipe: a subclass whose BASE_URL (and API_VERSION) point at the sandbox."""
    attributes: dict[str, Any] = {"BASE_URL": base_url}
    if api_version is not None:
        attributes["API_VERSION"] = api_version
    return type("LocalHighLevel", (HighLevel,), attributes)


async def expect_error(call: Awaitable[Any], status: int, message: str | None = None) -> GHLError:
    try:
        result = await call
    except GHLError as error:
        equal(error.status_code, status, "GHLError.status_code")
        if message is not None:
            equal(error.message, message, "GHLError.message")
            body_message = (error.response or {}).get("message")
            if not isinstance(body_message, list):  # a 422's list is joined with ", " by the SDK
                equal(body_message, message, "body message")
        equal((error.response or {}).get("statusCode"), status, "body statusCode")
        return error
    raise TestFailure(f"expected GHLError {status}, got a result: {str(result)[:200]}")


def update_body(name: str) -> dict[str, Any]:
    """A full UpdateInvoiceDto: 2 × 150 with 10 % tax, 20 off (fixed) → 300 − 20 + 28 = 308."""
    return {
        "altId": LOCATION_A,
        "altType": "location",
        "name": name,
        "title": "INVOICE",
        "currency": "USD",
        "issueDate": "2026-12-01",
        "dueDate": "2026-12-15",
        "discount": {"type": "fixed", "value": 20},
        "invoiceItems": [
            {
                "name": "Studio session",
                "currency": "USD",
                "amount": 150,
                "qty": 2,
                "taxes": [{"_id": "6578278e879ad2646715ba9d", "name": "VAT", "rate": 10}],
            }
        ],
    }


class Suite:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.clients: list[HighLevel] = []

    def client(self, token: str = TOKEN, api_version: str | None = API_VERSION) -> HighLevel:
        client = sdk_class(self.base_url, api_version)(private_integration_token=token, log_level="none")
        self.clients.append(client)
        return client

    async def close(self) -> None:
        for client in self.clients:
            await client.close()

    # GET /invoices/{invoiceId}

    async def get_docs_invoice(self) -> None:
        invoice = await self.client().invoices.get_invoice(
            invoice_id=DOCS_INVOICE, alt_id=LOCATION_A, alt_type="location"
        )
        equal(invoice["_id"], DOCS_INVOICE, "_id")
        equal(invoice["altId"], LOCATION_A, "altId")
        equal(invoice["status"], "draft", "status")
        equal(invoice["total"], 999, "total")
        equal(invoice["amountDue"], 999, "amountDue")
        equal(invoice["totalSummary"], {"subTotal": 999, "discount": 0, "tax": 0}, "totalSummary")
        equal(invoice["invoiceNumber"], "19", "invoiceNumber")

    async def get_sent_invoice_totals(self) -> None:
        invoice = await self.client().invoices.get_invoice(
            invoice_id=SENT_INVOICE, alt_id=LOCATION_A, alt_type="location"
        )
        equal(invoice["total"], 399342, "total")
        equal(invoice["totalSummary"], {"subTotal": 372000, "discount": 18600, "tax": 45942}, "totalSummary")

    async def get_with_bad_token(self) -> None:
        call = self.client(token="pit-not-a-token").invoices.get_invoice(
            invoice_id=DOCS_INVOICE, alt_id=LOCATION_A, alt_type="location"
        )
        error = await expect_error(call, 401, MESSAGES["bad_token"])
        equal(error.response.get("error"), "Unauthorized", "body error")

    async def get_with_sdk_default_version(self) -> None:
        # Without API_VERSION the SDK sends `Version: v3`, which the sandbox refuses by default.
        call = self.client(api_version=None).invoices.get_invoice(
            invoice_id=DOCS_INVOICE, alt_id=LOCATION_A, alt_type="location"
        )
        await expect_error(call, 401, MESSAGES["bad_version"])

    async def get_other_location(self) -> None:
        call = self.client().invoices.get_invoice(invoice_id=LOCATION_B_INVOICE, alt_id=LOCATION_B, alt_type="location")
        await expect_error(call, 403, MESSAGES["forbidden"])

    async def get_unknown_id(self) -> None:
        call = self.client().invoices.get_invoice(invoice_id=UNKNOWN_ID, alt_id=LOCATION_A, alt_type="location")
        await expect_error(call, 400, MESSAGES["not_found"])

    async def get_with_invalid_alt_type(self) -> None:
        call = self.client().invoices.get_invoice(invoice_id=DOCS_INVOICE, alt_id=LOCATION_A, alt_type="company")
        error = await expect_error(call, 422, "altType must be a valid enum value")
        equal(error.response.get("message"), ["altType must be a valid enum value"], "body message")

    # PUT /invoices/{invoiceId}

    async def update_draft(self) -> None:
        sdk = self.client()
        updated = await sdk.invoices.update_invoice(
            invoice_id=DRAFT_TO_UPDATE, request_body=update_body("Product Photography - Spring Menu")
        )
        equal(updated["_id"], DRAFT_TO_UPDATE, "PUT _id")
        equal(updated["name"], "Product Photography - Spring Menu", "PUT name")
        equal(updated["total"], 308, "PUT total")
        equal(updated["amountDue"], 308, "PUT amountDue")
        invoice = await sdk.invoices.get_invoice(invoice_id=DRAFT_TO_UPDATE, alt_id=LOCATION_A, alt_type="location")
        equal(invoice["name"], "Product Photography - Spring Menu", "GET name after PUT")
        equal(invoice["total"], 308, "GET total after PUT")
        equal(invoice["totalSummary"], {"subTotal": 300, "discount": 20, "tax": 28}, "GET totalSummary after PUT")
        equal(invoice["issueDate"], "2026-12-01", "GET issueDate after PUT")
        equal(len(invoice["invoiceItems"]), 1, "GET invoiceItems after PUT (a replacement, not a merge)")

    async def update_invalid_body(self) -> None:
        body = update_body("ignored")
        body["name"] = 42
        body["altType"] = "company"
        body["issueDate"] = "01/12/2026"
        body["invoiceItems"][0]["qty"] = "two"
        body["pipelineStageName"] = "Won"
        error = await expect_error(
            self.client().invoices.update_invoice(invoice_id=DRAFT_TO_UPDATE, request_body=body), 422
        )
        messages = error.response.get("message")
        check(isinstance(messages, list), f"422 message must be a list, got {messages!r}")
        equal(error.response.get("error"), "Unprocessable Entity", "body error")
        equal(error.message, ", ".join(messages), "GHLError.message (the SDK joins the list)")
        for expected in [
            "property pipelineStageName should not exist",
            "altType must be a valid enum value",
            "name must be a string",
            "issueDate must be in YYYY-MM-DD format",
            "invoiceItems.0.qty must be a number conforming to the specified constraints",
        ]:
            check(expected in messages, f"422 messages lack {expected!r}: {messages!r}")
        invoice = await self.client().invoices.get_invoice(
            invoice_id=DRAFT_TO_UPDATE, alt_id=LOCATION_A, alt_type="location"
        )
        check(invoice["name"] != "ignored", "a refused PUT changed the invoice")

    # DELETE /invoices/{invoiceId}

    async def delete_non_draft(self) -> None:
        sdk = self.client()
        call = sdk.invoices.delete_invoice(invoice_id=SENT_INVOICE, alt_id=LOCATION_A, alt_type="location")
        await expect_error(call, 400, MESSAGES["not_draft"])
        invoice = await sdk.invoices.get_invoice(invoice_id=SENT_INVOICE, alt_id=LOCATION_A, alt_type="location")
        equal(invoice["status"], "sent", "status after the refused DELETE")

    async def delete_draft(self) -> None:
        sdk = self.client()
        deleted = await sdk.invoices.delete_invoice(invoice_id=DRAFT_TO_DELETE, alt_id=LOCATION_A, alt_type="location")
        equal(deleted["_id"], DRAFT_TO_DELETE, "DELETE _id")
        equal(deleted["status"], "draft", "DELETE status")
        call = sdk.invoices.get_invoice(invoice_id=DRAFT_TO_DELETE, alt_id=LOCATION_A, alt_type="location")
        await expect_error(call, 400, MESSAGES["not_found"])
        call = sdk.invoices.delete_invoice(invoice_id=DRAFT_TO_DELETE, alt_id=LOCATION_A, alt_type="location")
        await expect_error(call, 400, MESSAGES["not_found"])

    # POST /invoices/schedule/{scheduleId}/cancel

    async def cancel_docs_schedule(self) -> None:
        schedule = await self.client().invoices.cancel_invoice_schedule(
            schedule_id=DOCS_SCHEDULE, request_body={"altId": LOCATION_A, "altType": "location"}
        )
        equal(schedule["_id"], DOCS_SCHEDULE, "_id")
        equal(schedule["altId"], LOCATION_A, "altId")
        equal(schedule["name"], "New Invoice", "name")
        equal(schedule["total"], 999, "total")
        check(isinstance(schedule.get("status"), str), f"status must be a string, got {schedule.get('status')!r}")
        check(isinstance(schedule.get("invoices"), list), "invoices must be a list")
        check(isinstance(schedule.get("items"), list) and schedule["items"], "items must be a non-empty list")

    async def cancel_without_alt_type(self) -> None:
        call = self.client().invoices.cancel_invoice_schedule(
            schedule_id=DOCS_SCHEDULE, request_body={"altId": LOCATION_A}
        )
        error = await expect_error(call, 422)
        equal(
            error.response.get("message"),
            ["altType must be a valid enum value", "altType should not be empty"],
            "body message",
        )

    async def cancel_other_location(self) -> None:
        call = self.client().invoices.cancel_invoice_schedule(
            schedule_id="6ae273b1ba526ccb7284e428", request_body={"altId": LOCATION_B, "altType": "location"}
        )
        await expect_error(call, 403, MESSAGES["forbidden"])

    async def cancel_unknown_schedule(self) -> None:
        call = self.client().invoices.cancel_invoice_schedule(
            schedule_id=UNKNOWN_ID, request_body={"altId": LOCATION_A, "altType": "location"}
        )
        error = await expect_error(call, 400)
        check(isinstance(error.message, str) and error.message, "400 without a message")

    def tests(self) -> list[Callable[[], Awaitable[None]]]:
        # Order matters: the reads of seed invoices run before the writes that change them.
        return [
            self.get_docs_invoice,
            self.get_sent_invoice_totals,
            self.get_with_bad_token,
            self.get_with_sdk_default_version,
            self.get_other_location,
            self.get_unknown_id,
            self.get_with_invalid_alt_type,
            self.update_draft,
            self.update_invalid_body,
            self.delete_non_draft,
            self.delete_draft,
            self.cancel_docs_schedule,
            self.cancel_without_alt_type,
            self.cancel_other_location,
            self.cancel_unknown_schedule,
        ]


async def run(base_url: str, verbose: bool) -> tuple[int, int]:
    suite = Suite(base_url)
    passed = failed = 0
    try:
        for test in suite.tests():
            try:
                await test()
            except TestFailure as failure:
                failed += 1
                print(f"FAIL {test.__name__}: {failure}")
            except GHLError as error:
                failed += 1
                body = error.response if error.response is not None else ""
                print(f"FAIL {test.__name__}: unexpected GHLError {error.status_code}: {error.message} {body}")
            except Exception as error:  # noqa: BLE001 - any crash is a failed test, the run goes on
                failed += 1
                print(f"FAIL {test.__name__}: {type(error).__name__}: {error}")
                if verbose:
                    traceback.print_exc()
            else:
                passed += 1
                print(f"ok   {test.__name__}")
    finally:
        await suite.close()
    return passed, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True, help="the sandbox, e.g. http://127.0.0.1:8080")
    parser.add_argument("--verbose", action="store_true", help="print tracebacks of unexpected exceptions")
    args = parser.parse_args()
    if not args.base_url.startswith(("http://127.0.0.1:", "http://localhost:")):
        parser.error("--base-url must be a local sandbox (http://127.0.0.1:PORT)")
    passed, failed = asyncio.run(run(args.base_url.rstrip("/"), args.verbose))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
