"""Never a worse record for a good one: what a new version of a language version would lose.

A new version that has fewer turns, fewer votes or fewer pages than the stored one, lacks the
closing line the stored one has, or dates the meeting differently, is held for review (stored,
not applied) instead of replacing it; the admin's "apply" action and `import_records --force`
apply it on purpose.
"""


def losses(record, meeting, contract):
    """Sentences saying what applying `contract` over `record` would lose or change; [] if nothing."""
    stored = _stored_facts(record, meeting)
    reasons = []
    if len(contract.speeches) < stored["turns"]:
        reasons.append(f"it has {len(contract.speeches)} turns where the stored version has {stored['turns']}")
    if len(contract.votes) < stored["votes"]:
        reasons.append(f"it has {len(contract.votes)} votes where the stored version has {stored['votes']}")
    if stored["closed"] and contract.closed is None:
        reasons.append("it has no closing line (\"The meeting rose at ...\"), which the stored version has")
    if stored["pages"] and contract.pages is not None and contract.pages < stored["pages"]:
        reasons.append(f"it has {contract.pages} pages where the stored version has {stored['pages']}")
    if stored["date"] and contract.date.isoformat() != stored["date"]:
        reasons.append(f"it dates the meeting {contract.date.isoformat()}, the stored version {stored['date']}")
    return reasons


def _stored_facts(record, meeting):
    """What the stored version says: from its contract where it has one, else from its rows."""
    document = record.contract
    if document:
        return {"turns": len(document["speeches"]), "votes": len(document["votes"]), "closed": document["closed"],
                "pages": record.pages, "date": document["date"]}
    is_source = meeting.source_id == record.pk
    return {"turns": record.speeches.count(), "votes": meeting.votes.count() if is_source else 0,
            "closed": meeting.closed if is_source else None, "pages": record.pages,
            "date": meeting.date.isoformat() if is_source else None}
