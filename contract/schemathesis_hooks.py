"""Schemathesis hooks: make a third of the generated requests hit the shipped seed data.

Left alone, schemathesis draws random invoice ids, schedule ids and altIds, so nearly every request ends in
"Unable to find an invoice" (400) or "no access to this location" (403) and the 200 answers are never
checked against their schemas. For one generated case in three (chosen by a hash of the case, so a run is
reproducible with --seed) this hook puts a real id from seed-data/ in the path and the token's location in
altId. It never touches altType and only replaces an altId that is already a string, so a negative case
(altId missing or not a string, altType not in the enum, a bad body field) stays negative.
"""

from __future__ import annotations

import json
import os
import zlib

import schemathesis

SEED_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "seed-data")
TOKEN_LOCATION = "6578278e879ad2646715ba9c"  # pit-sandbox-location-a's only location


def _ids(file_name: str) -> list[str]:
    with open(os.path.join(SEED_DATA, file_name), encoding="utf-8") as handle:
        return [record["_id"] for record in json.load(handle)]


# Every seed record, including location B's: with altId = location A those must answer 400, not 200.
INVOICE_IDS = _ids("invoices.json")
SCHEDULE_IDS = _ids("schedules.json")


@schemathesis.hook
def map_case(context, case):
    key = zlib.crc32(repr((case.operation.label, case.path_parameters, case.query, case.body)).encode())
    if key % 3:
        return case
    pick = key // 3
    path_parameters = case.path_parameters
    if path_parameters:
        if "invoiceId" in path_parameters:
            path_parameters["invoiceId"] = INVOICE_IDS[pick % len(INVOICE_IDS)]
        if "scheduleId" in path_parameters:
            path_parameters["scheduleId"] = SCHEDULE_IDS[pick % len(SCHEDULE_IDS)]
    if isinstance(case.query, dict) and isinstance(case.query.get("altId"), str):
        case.query["altId"] = TOKEN_LOCATION
    if isinstance(case.body, dict) and isinstance(case.body.get("altId"), str):
        case.body["altId"] = TOKEN_LOCATION
    return case
