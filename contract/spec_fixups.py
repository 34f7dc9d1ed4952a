#!/usr/bin/env python3
"""Write a corrected copy of HighLevel's OpenAPI document for the schemathesis contract test.

    python3 contract/spec_fixups.py [SOURCE] DESTINATION

SOURCE defaults to ../shared/spec/invoices.bundled.openapi.json (beside the repository). The shared file is
never modified: the corrections are applied to a copy held in memory and written to DESTINATION.

Corrected: the defects that production and the document's own examples contradict (API-NOTES.md, "Known
defects of the official spec"); the 403 the real service answers on these operations without documenting it;
and the validation rules production is seen to apply that the generator of the document drops (NestJS's
swagger plugin does not turn IsNotEmpty, IsOptional, whitelisting, IsEmail or a date rule into schema
keywords). Each correction is one function below; its docstring is the reason, printed on every run. Each
asserts that the defect is still there, so this script fails loudly, instead of silently doing nothing, the
day HighLevel changes its document. Standard library only.
"""

from __future__ import annotations

import copy
import inspect
import json
import os
import sys
from collections.abc import Callable
from typing import Any

Spec = dict[str, Any]

DEFAULT_SOURCE = os.path.normpath(
    os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "spec", "invoices.bundled.openapi.json"
    )
)

# The four operations under test: (path, method).
OPERATIONS = [
    ("/invoices/{invoiceId}", "get"),
    ("/invoices/{invoiceId}", "put"),
    ("/invoices/{invoiceId}", "delete"),
    ("/invoices/schedule/{scheduleId}/cancel", "post"),
]

# The response schemas that describe an invoice.
INVOICE_RESPONSES = [
    "GetInvoiceResponseDto",
    "UpdateInvoiceResponseDto",
    "DeleteInvoiceResponseDto",
    "DefaultInvoiceResponseDto",  # CancelInvoiceScheduleResponseDto.invoices[]
]


class DocumentChanged(Exception):
    pass


def schema(spec: Spec, name: str) -> Spec:
    return spec["components"]["schemas"][name]


def prop(spec: Spec, name: str, field: str) -> Spec:
    return schema(spec, name)["properties"][field]


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise DocumentChanged(f"the official document changed, a correction no longer applies: {what}")


def reachable(spec: Spec, roots: list[Any]) -> list[str]:
    """The component schemas `roots` refer to, directly or through other schemas."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref:
                name = ref.split("/")[-1]
                if name not in found:
                    found.append(name)
                    walk(schema(spec, name))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(roots)
    return found


def request_dtos(spec: Spec) -> list[str]:
    """The schemas the request bodies of the four operations are made of, nested DTOs included."""
    return reachable(spec, [spec["paths"][path][method].get("requestBody", {}) for path, method in OPERATIONS])


def response_schemas(spec: Spec) -> list[str]:
    return reachable(spec, [spec["paths"][path][method]["responses"] for path, method in OPERATIONS])


# The corrections, applied in this order. The docstring of each is its reason.


def invoice_number_is_a_string(spec: Spec) -> None:
    """invoiceNumber is typed number in Get/Update/Delete/DefaultInvoiceResponseDto, but the example of each
    is "19" and production answers a string (API-NOTES.md); UpdateInvoiceDto itself sends a string.
    Typed string."""
    for name in INVOICE_RESPONSES:
        field = prop(spec, name, "invoiceNumber")
        expect(field.get("type") == "number" and field.get("example") == "19", f"{name}.invoiceNumber")
        field["type"] = "string"


def invoice_items_are_objects(spec: Spec) -> None:
    """invoiceItems (the four invoice responses) and CancelInvoiceScheduleResponseDto.items are typed array of
    string, but their own examples hold item objects ({_id, name, qty, amount, currency, taxes, ...}).
    Typed array of InvoiceItemDto, the item object the same document defines for requests."""
    targets = [(name, "invoiceItems") for name in INVOICE_RESPONSES] + [("CancelInvoiceScheduleResponseDto", "items")]
    for name, field in targets:
        target = prop(spec, name, field)
        example = target.get("example") or [None]
        expect(target.get("items") == {"type": "string"} and isinstance(example[0], dict), f"{name}.{field}")
        target["items"] = {"$ref": "#/components/schemas/InvoiceItemDto"}


def schedule_status_is_a_string(spec: Spec) -> None:
    """CancelInvoiceScheduleResponseDto.status is typed object with the example "draft": a schedule's status
    is a word. Typed string."""
    field = prop(spec, "CancelInvoiceScheduleResponseDto", "status")
    expect(field.get("type") == "object" and field.get("example") == "draft", "CancelInvoiceScheduleResponseDto.status")
    field["type"] = "string"


def payment_schedules_are_objects(spec: Spec) -> None:
    """PaymentScheduleDto.schedules is typed array of string but holds schedule objects (API-NOTES.md); their
    shape is documented nowhere. Typed array of object."""
    field = prop(spec, "PaymentScheduleDto", "schedules")
    expect(field.get("items") == {"type": "string"}, "PaymentScheduleDto.schedules")
    field["items"] = {"type": "object"}


def tips_percentages_are_numbers(spec: Spec) -> None:
    """TipsConfigurationDto.tipsPercentage is typed array of string; its example is [5, 10, 15].
    Typed array of number."""
    field = prop(spec, "TipsConfigurationDto", "tipsPercentage")
    expect(field.get("items") == {"type": "string"} and field.get("example") == [5, 10, 15], "tipsPercentage")
    field["items"] = {"type": "number"}


def charges_are_objects(spec: Spec) -> None:
    """ProcessingFeeDto.charges (miscellaneousCharges.charges) is typed array of arrays, a known defect
    (API-NOTES.md): charges are objects, like their paid counterparts in the sibling paidCharges
    (ProcessingFeePaidChargeDto). Typed array of object."""
    field = prop(spec, "ProcessingFeeDto", "charges")
    expect(field.get("items") == {"type": "array"}, "ProcessingFeeDto.charges")
    field["items"] = {"type": "object"}


def delete_400_has_the_common_schema(spec: Spec) -> None:
    """DELETE /invoices/{invoiceId} documents its 400 by two examples and no schema, so its body would not be
    checked at all; given BadRequestDTO, the schema of the 400 of the other three operations (stricter)."""
    content = spec["paths"]["/invoices/{invoiceId}"]["delete"]["responses"]["400"]["content"]["application/json"]
    expect("schema" not in content and "examples" in content, "DELETE /invoices/{invoiceId} 400")
    content["schema"] = {"$ref": "#/components/schemas/BadRequestDTO"}


def forbidden_location_is_documented(spec: Spec) -> None:
    """The four operations document 200/400/401/422 only, but the real service answers
    403 {"statusCode":403,"message":"The token does not have access to this location."} when altId is a
    location the token may not use (API-NOTES.md, [seen]); every generated altId but the token's own gets it.
    A 403 with that strict schema is added to each operation. (404 is not added: these routes have no 404;
    one seen during a run is a sandbox bug.)"""
    spec["components"]["schemas"]["ForbiddenDTO"] = {
        "type": "object",
        "required": ["statusCode", "message"],
        "properties": {
            "statusCode": {"type": "number", "enum": [403]},
            "message": {"type": "string", "example": "The token does not have access to this location."},
        },
    }
    for path, method in OPERATIONS:
        responses = spec["paths"][path][method]["responses"]
        expect("403" not in responses, f"{method.upper()} {path} 403")
        responses["403"] = {
            "description": "Forbidden: the token may not use this location",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ForbiddenDTO"}}},
        }


def responses_get_their_own_copies(spec: Spec) -> None:
    """Not a defect: a mechanical step so that the request-only corrections below leave the responses alone.
    Some request DTOs also describe responses (CancelInvoiceScheduleResponseDto's businessDetails,
    contactDetails and discount; the item schema the invoiceItems/items correction gave the responses); the
    responses now refer to unchanged copies of them named <Dto>InResponse."""
    requests = set(request_dtos(spec))
    shared = [name for name in response_schemas(spec) if name in requests]
    expect("ContactDetailsDto" in shared, "request DTOs shared with CancelInvoiceScheduleResponseDto")
    renamed = {f"#/components/schemas/{name}": f"#/components/schemas/{name}InResponse" for name in shared}
    for name in shared:
        spec["components"]["schemas"][f"{name}InResponse"] = copy.deepcopy(schema(spec, name))
    visited: set[str] = set()

    def rewrite(node: Any) -> None:
        """Points every reference under `node`, and under the schemas it reaches, to the copies."""
        if isinstance(node, dict):
            if node.get("$ref") in renamed:
                node["$ref"] = renamed[node["$ref"]]
            ref = node.get("$ref")
            if ref and ref not in visited:
                visited.add(ref)
                rewrite(schema(spec, ref.split("/")[-1]))
            for key, value in node.items():
                if key != "$ref":
                    rewrite(value)
        elif isinstance(node, list):
            for value in node:
                rewrite(value)

    for path, method in OPERATIONS:
        rewrite(spec["paths"][path][method]["responses"])
    expect(not set(response_schemas(spec)) & set(request_dtos(spec)), "responses still share request DTOs")


def required_strings_are_not_empty(spec: Spec) -> None:
    """Required strings (altId in the query of GET and DELETE; every required string property of
    UpdateInvoiceDto, CancelInvoiceScheduleDto and their nested DTOs) have no minLength, but the backend puts
    class-validator's IsNotEmpty on required properties: production answers 'altId should not be empty',
    'altType should not be empty' and 'items.0.taxes.0._id should not be empty' (API-NOTES.md, [seen]).
    minLength 1 added, so an empty string counts as invalid data (its rejection is checked) instead of as
    valid data wrongly refused."""
    targets = []
    for path, method in OPERATIONS:
        for parameter in spec["paths"][path][method].get("parameters", []):
            value = parameter["schema"]
            if (
                parameter["in"] == "query"
                and parameter["required"]
                and value.get("type") == "string"
                and "enum" not in value
            ):
                targets.append((f"{method.upper()} {path} ?{parameter['name']}", value))
    for name in request_dtos(spec):
        dto = schema(spec, name)
        for field in dto.get("required", []):
            value = dto["properties"][field]
            if value.get("type") == "string" and "enum" not in value:
                targets.append((f"{name}.{field}", value))
    names = [what for what, _ in targets]
    expect("UpdateInvoiceDto.altId" in names and "GET /invoices/{invoiceId} ?altId" in names, "required strings")
    for what, value in targets:
        expect("minLength" not in value, what)
        value["minLength"] = 1


def request_dtos_forbid_unknown_keys(spec: Spec) -> None:
    """The request DTOs allow additional properties, but the backend's ValidationPipe whitelists and forbids
    unknown keys at every DTO level: 'property pipelineStageName should not exist' (API-NOTES.md, [seen]).
    additionalProperties: false added to every request DTO (not to free-form objects such as xeroDetails or
    the schedule and charge objects, whose shape is unknown)."""
    for name in request_dtos(spec):
        dto = schema(spec, name)
        expect(dto.get("type") == "object" and "additionalProperties" not in dto, f"{name} additionalProperties")
        dto["additionalProperties"] = False


def optional_properties_take_null(spec: Spec) -> None:
    """Optional properties of the request DTOs are not nullable in the document, but NestJS DTOs guard them
    with class-validator's IsOptional, which skips every rule for null exactly as for a missing key, so the
    backend accepts {"discount": null}. nullable: true added to every optional request property, so that
    null there is not counted as invalid data that must be refused; an optional enum also lists null among
    its values, since in OpenAPI 3.0 an enum restricts the value even where nullable is set."""
    for name in request_dtos(spec):
        dto = schema(spec, name)
        for field, value in dto["properties"].items():
            if field not in dto.get("required", []):
                expect("nullable" not in value, f"{name}.{field} nullable")
                value["nullable"] = True
                if "enum" in value and None not in value["enum"]:
                    value["enum"] = [*value["enum"], None]


def dates_are_dates(spec: Spec) -> None:
    """UpdateInvoiceDto.issueDate and dueDate are plain strings described as 'in YYYY-MM-DD format', and
    production refuses anything else: 'issueDate must be in YYYY-MM-DD format' (API-NOTES.md, [seen]).
    format: date added (RFC 3339 full-date, which is YYYY-MM-DD)."""
    for field in ("issueDate", "dueDate"):
        value = prop(spec, "UpdateInvoiceDto", field)
        expect(value.get("type") == "string" and "format" not in value, f"UpdateInvoiceDto.{field}")
        value["format"] = "date"


def emails_are_emails(spec: Spec) -> None:
    """ContactDetailsDto.email and AdditionalEmailsDto.email are plain strings (example alex@example.com);
    the backend validates them with class-validator's IsEmail ('must be an email', API-NOTES.md).
    format: email added."""
    for name in ("ContactDetailsDto", "AdditionalEmailsDto"):
        value = prop(spec, name, "email")
        expect(value.get("type") == "string" and "format" not in value, f"{name}.email")
        value["format"] = "email"


CORRECTIONS: list[Callable[[Spec], None]] = [
    invoice_number_is_a_string,
    invoice_items_are_objects,
    schedule_status_is_a_string,
    payment_schedules_are_objects,
    tips_percentages_are_numbers,
    charges_are_objects,
    delete_400_has_the_common_schema,
    forbidden_location_is_documented,
    responses_get_their_own_copies,
    required_strings_are_not_empty,
    request_dtos_forbid_unknown_keys,
    optional_properties_take_null,
    dates_are_dates,
    emails_are_emails,
]


def reason(correction: Callable[[Spec], None]) -> str:
    return " ".join((inspect.getdoc(correction) or "").split())


def corrected(spec: Spec) -> Spec:
    for correction in CORRECTIONS:
        correction(spec)
    return spec


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    source, destination = (argv[1], argv[2]) if len(argv) == 3 else (DEFAULT_SOURCE, argv[1])
    with open(source, encoding="utf-8") as handle:
        spec = json.load(handle)
    try:
        corrected(spec)
    except DocumentChanged as error:
        print(f"spec_fixups: {error}", file=sys.stderr)
        return 1
    with open(destination, "w", encoding="utf-8") as handle:
        json.dump(spec, handle, indent=1)
    print(f"spec_fixups: {len(CORRECTIONS)} corrections of {source}, copy written to {destination}")
    for correction in CORRECTIONS:
        print(f"  - {correction.__name__}: {reason(correction)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
