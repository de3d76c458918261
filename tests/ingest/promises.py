"""The commitments the rules find in one sentence, as the tests of those rules ask for them."""

from ingest.commitments import find_commitments


def found_in(sentence, date, news=False):
    commitments, _ = find_commitments(sentence, [0], date, [], news=news)
    return commitments
