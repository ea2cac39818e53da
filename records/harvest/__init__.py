"""Filling the archive from the UN's Official Document System.

    symbols  'S/PV.9589', 'S/PV.8699 (Resumption 1)', 'S/PV.9500-9600' read into meeting numbers
    client   a polite HTTP client: User-Agent with a contact, a rate, retries honouring Retry-After
    fetch    one document: the access URL, its redirect, and what the answer is (PDF, missing, failed)
    run      runs of documents: planned, processed (resumably), every outcome recorded
"""
