"""Schemathesis hooks: make a third of the generated requests hit the shipped seed data.

Left alone, schemathesis draws random invoice ids, schedule ids and altIds, so nearly every request ends in
"Unable to find an invoice" (400) or "no access to this location" (403) and the 200 answers are never
checked against their schemas. For one generated case in three (chosen by a hash of the case, so a run is
reproducible with --seed) this hook puts a real id from seed-data/ in the path and the token's location in
altId. It never touches altType and only replaces an altId that is already a non-empty string, so a
negative case (altId missing, empty or not a string, altType not in the enum, a bad body field) stays
negative.
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
    for container in (case.query, case.body):
        if isinstance(container, dict) and _replaceable(container.get("altId")):
            container["altId"] = TOKEN_LOCATION
    return case


def _replaceable(alt_id: object) -> bool:
    """A string that is not empty: an empty altId is schemathesis' minLength violation and must stay one."""
    return isinstance(alt_id, str) and alt_id != ""
