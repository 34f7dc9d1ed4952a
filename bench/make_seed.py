#!/usr/bin/env python3
"""Writes a large seed for InvoiceSandbox: tokens.json + invoices.json in DIR.

    python3 bench/make_seed.py DIR [--invoices 100000] [--seed 1]

The invoices look like the shipped ones (the shape GET /invoices/{id} returns, 1-3 items, every status, a
few locations; about 1.4 KB each as compact JSON) and are deterministic for a given --seed. invoices.json
is written compact, one invoice per line, so its size is the raw JSON the sandbox has to hold. The last
stdout line is a JSON summary the benchmark reads: count, bytes, and an invoice it can GET to probe the
server (id, location, token).
"""

import argparse
import json
import os
import random
from decimal import ROUND_HALF_UP, Decimal

TOKEN = "pit-bench-all-locations"
LOCATIONS = [f"6578278e879ad2646715b{n:03x}" for n in range(10)]
STATUSES = ["draft"] * 3 + ["sent"] * 3 + ["paid"] * 2 + ["partially_paid", "void", "payment_processing"]
FIRST_NAMES = ["Ruth", "Dana", "Alex", "Maria", "Kenji", "Aisha", "Tom", "Lena", "Omar", "Priya", "Jonas", "Chloe"]
LAST_NAMES = ["Okafor", "Whitfield", "Nguyen", "Garcia", "Sato", "Khan", "Miller", "Novak", "Haddad", "Iyer"]
COMPANIES = ["Pecan Street Bakery", "Gulf Coast Marine Supply", "Hill Country Dental", "Lone Star Plumbing",
             "Magnolia Florist", "Riverwalk Yoga", "Bluebonnet Realty", "Trinity Auto Repair"]
CITIES = ["Austin", "Houston", "Galveston", "Dallas", "San Antonio", "El Paso"]
PRODUCTS = [("Website maintenance - monthly", 250), ("Managed WordPress hosting", 540), ("Logo design", 1200),
            ("SEO audit", 800), ("Domain renewal (1 year)", 18), ("Consulting hour", 150),
            ("Landing page", 650), ("Email setup", 90), ("Photography session", 375)]
TAXES = [None, None, ("TX Sales Tax", 8.25, "67c5d4d9a582d25d98d27eb1"), ("HST", 13, "65a0c0ffee0000000000000b")]
CENT = Decimal("0.01")


def money(value: Decimal) -> float | int:
    """Rounded to cents, written as JSON numbers are in the shipped seed (999, 620.55)."""
    cents = value.quantize(CENT, rounding=ROUND_HALF_UP)
    return int(cents) if cents == cents.to_integral_value() else float(cents)


class Ids:
    """Mongo-like 24-hex ids: a timestamp, then a counter that keeps them unique."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.counter = 0

    def next(self, timestamp: int) -> str:
        self.counter += 1
        return f"{timestamp:08x}{self.rng.getrandbits(40):010x}{self.counter:06x}"


def invoice(number: int, rng: random.Random, ids: Ids) -> dict:
    created = 0x6a000000 + number * 37
    location = LOCATIONS[number % len(LOCATIONS)]
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    company = rng.choice(COMPANIES)
    city = rng.choice(CITIES)
    domain = company.lower().replace(" ", "") + ".com"
    items, sub_total, tax = [], Decimal(0), Decimal(0)
    discount = rng.choice([0, 0, 0, 5, 10])
    for _ in range(rng.choice([1, 1, 1, 1, 1, 1, 2, 2, 2, 3])):
        name, price = rng.choice(PRODUCTS)
        qty = rng.randint(1, 4)
        amount = Decimal(price) + Decimal(rng.randint(0, 99)) / 100
        line = qty * amount
        sub_total += line
        item_tax = rng.choice(TAXES)
        taxes = []
        if item_tax:
            tax_name, rate, tax_id = item_tax
            taxes.append({"_id": tax_id, "name": tax_name, "rate": rate, "calculation": "exclusive"})
            tax += line * (100 - discount) / 100 * Decimal(str(rate)) / 100
        items.append({"_id": ids.next(created), "productId": ids.next(created - 5000),
                      "priceId": ids.next(created - 5000), "currency": "USD", "name": name,
                      "qty": qty, "amount": money(amount), "taxes": taxes, "type": "one_time"})
    discount_amount = sub_total * discount / 100
    total = sub_total - discount_amount + tax
    status = rng.choice(STATUSES)
    paid = {"paid": total, "partially_paid": total / 2}.get(status, Decimal(0))
    day = 1 + number % 28
    return {
        "_id": ids.next(created),
        "status": status,
        "liveMode": number % 5 != 0,
        "amountPaid": money(paid),
        "altId": location,
        "altType": "location",
        "name": f"{name} for {company}",
        "businessDetails": {
            "name": "Bayou City Web Studio LLC",
            "address": {"city": "Houston", "countryCode": "US"},
            "phoneNo": "+1-713-555-0142",
            "website": "https://bayoucityweb.com",
        },
        "invoiceNumber": str(1000 + number),
        "currency": "USD",
        "contactDetails": {
            "id": f"c{number:019d}",
            "phoneNo": f"+1-512-555-{number % 10000:04d}",
            "email": f"{first.lower()}@{domain}",
            "customFields": [],
            "name": f"{first} {last}",
            "address": {"city": city, "countryCode": "US"},
            "companyName": company,
        },
        "issueDate": f"2026-{1 + number % 12:02d}-{day:02d}",
        "dueDate": f"2026-{1 + number % 12:02d}-{min(day + 14, 28):02d}",
        "discount": {"type": "percentage", "value": discount},
        "invoiceItems": items,
        "total": money(total),
        "title": "INVOICE",
        "amountDue": money(total - paid),
        "createdAt": "2026-01-12T13:48:51.096Z",
        "updatedAt": "2026-01-24T20:17:03.552Z",
        "automaticTaxesEnabled": False,
        "automaticTaxesCalculated": False,
        "totalSummary": {"subTotal": money(sub_total), "discount": money(discount_amount), "tax": money(tax)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.makedirs(args.directory, exist_ok=True)
    rng = random.Random(args.seed)
    ids = Ids(rng)

    with open(os.path.join(args.directory, "tokens.json"), "w") as tokens:
        json.dump([{"token": TOKEN, "locationIds": LOCATIONS}], tokens, indent=2)

    path = os.path.join(args.directory, "invoices.json")
    probe = None
    with open(path, "w") as out:
        out.write("[\n")
        for number in range(args.invoices):
            record = invoice(number, rng, ids)
            probe = probe or {"id": record["_id"], "location": record["altId"], "token": TOKEN}
            out.write(("," if number else "") + json.dumps(record, separators=(",", ":")) + "\n")
        out.write("]\n")
    print(json.dumps({"count": args.invoices, "bytes": os.path.getsize(path), "probe": probe}))


if __name__ == "__main__":
    main()
