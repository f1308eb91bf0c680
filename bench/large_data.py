"""A large, deterministic data set in the example data's own shape.

Fed through ``example_data.load_data_set``, the same path the example groups take, so the
benchmark measures the real code: 20 groups, 1,500 people, 5,000 sessions, 100,000
notes, 20,000 decisions and 40,000 actions.
"""

from __future__ import annotations

import random
from typing import Any

GROUPS = 20
PEOPLE = 1_500
SESSIONS_PER_GROUP = 250
AGENDA_ITEMS = 4
NOTES_PER_ITEM = 5
DECISIONS_PER_SESSION = 4
ACTIONS_PER_DECISION = 2
ATTENDING = 10

_FIRST = [
    "Amira",
    "Bronwen",
    "Chidi",
    "Dorota",
    "Eilidh",
    "Farhan",
    "Gwen",
    "Hamza",
    "Ines",
    "Jerzy",
    "Kofi",
    "Lowri",
    "Mehmet",
    "Niamh",
    "Olusegun",
    "Pritpal",
    "Rhiannon",
    "Saoirse",
]
_LAST = [
    "Abbott",
    "Bevan",
    "Chowdhury",
    "Dąbrowski",
    "Evans",
    "Fofana",
    "Griffiths",
    "Hussain",
    "Iqbal",
    "Jones",
    "Kowalska",
    "Llewellyn",
    "Mensah",
    "Nowak",
    "Okafor",
    "Patel",
    "Quinn",
]
_ROLES = ["lived_experience"] * 6 + ["champion", "carer", "staff", "facilitator", "guest"]
_FORMATS = ["standard", "large_print", "easy_read", "audio", "screen_reader_pdf"]
_DECISION_STATUSES = ["agreed", "in_progress", "done", "on_hold", "not_going_ahead"]
_ACTION_STATUSES = ["not_started", "in_progress", "done", "stuck", "dropped"]
_WORDS = [
    "equipment",
    "repair",
    "delivery",
    "survey",
    "wheelchair",
    "ramp",
    "hoist",
    "commode",
    "bed",
    "rail",
    "visit",
    "letter",
    "council",
    "provider",
    "members",
    "plain",
    "words",
    "large",
    "print",
    "easy",
    "read",
    "session",
]


def build(seed: int = 20261123) -> dict[str, Any]:
    chance = random.Random(seed)

    def sentence(words: int) -> str:
        return " ".join(chance.choice(_WORDS) for _ in range(words)).capitalize() + "."

    people = []
    for number in range(PEOPLE):
        chosen_format = chance.choice(_FORMATS)
        people.append(
            {
                "key": f"p{number}",
                "full_name": f"{chance.choice(_FIRST)} {chance.choice(_LAST)} {number}",
                "preferred_format": chosen_format,
                "large_print_size_pt": 20 if chosen_format == "large_print" else None,
                "delivery": "email",
                "consent_to_store": True,
                "access_needs": [],
            }
        )
    venues = [{"key": "hall", "name": "Town hall", "address": "1 High Street", "features": []}]
    groups = []
    per_group = PEOPLE // GROUPS
    for number in range(GROUPS):
        members = [f"p{n}" for n in range(number * per_group, (number + 1) * per_group)]
        aims = [
            {"key": f"g{number}a{n}", "title": sentence(6), "how_we_will_know": sentence(8)}
            for n in range(4)
        ]
        sessions = []
        for index in range(SESSIONS_PER_GROUP):
            present = chance.sample(members, ATTENDING)
            sessions.append(
                {
                    "days_from_today": -7 * (SESSIONS_PER_GROUP - index),
                    "time": "10:30",
                    "title": f"Session {index + 1}",
                    "venue": "hall",
                    "aims": [aims[index % 4]["key"]],
                    "agenda": [
                        {
                            "title": sentence(4),
                            "minutes": 20,
                            "lead": present[0],
                            "notes": [sentence(25) for _ in range(NOTES_PER_ITEM)],
                        }
                        for _ in range(AGENDA_ITEMS)
                    ],
                    "breaks": [{"after_position": 2, "minutes": 15, "label": "Tea"}],
                    "attendance": [{"person": key, "status": "present"} for key in present],
                    "aim_reviews": [
                        {
                            "aim": aims[index % 4]["key"],
                            "outcome": "progressing",
                            "note": sentence(10),
                        }
                    ],
                    "decisions": [
                        {
                            "wording": sentence(20),
                            "raised_by": chance.choice(present),
                            "how_agreed": "consensus",
                            "status": chance.choice(_DECISION_STATUSES),
                            "aims": [aims[index % 4]["key"]],
                            "actions": [
                                {
                                    "description": sentence(12),
                                    "owner": chance.choice(present),
                                    "due_days_from_today": -7 * (SESSIONS_PER_GROUP - index) + 28,
                                    "status": chance.choice(_ACTION_STATUSES),
                                    "outcome": sentence(10),
                                }
                                for _ in range(ACTIONS_PER_DECISION)
                            ],
                        }
                        for _ in range(DECISIONS_PER_SESSION)
                    ],
                    "summary": sentence(40),
                    "feedback": "",
                    "payments": [],
                }
            )
        groups.append(
            {
                "name": f"Large group {number + 1}",
                "purpose": sentence(15),
                "partner_organisation": "Example provider",
                "session_limit_minutes": 120,
                "break_interval_minutes": 45,
                "hourly_rate_pence": 2000,
                "members": [{"person": key, "role": chance.choice(_ROLES)} for key in members],
                "aims": aims,
                "sessions": sessions,
            }
        )
    return {"version": 1, "venues": venues, "people": people, "groups": groups}
