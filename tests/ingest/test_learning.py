"""The learned model's parts that know nothing of Django: features, fitting, cross-validation by letter, figures."""

import json

from ingest.learning import (Example, Weights, average_precision, candidate_features, describe_feature, fit,
                             keeping_threshold, out_of_fold, precision_at_recall, train)


def test_the_features_name_the_rules_the_form_and_the_stemmed_words():
    features = candidate_features("Voor de zomer informeer ik uw Kamer over de voortgang.", rules=["to_kamer", "dated"],
                                  kind="informeren", precision="seizoen", position=0.95, document_kind="brief",
                                  ministries=["BZK", "Financiën"])
    assert features[:2] == ["regel:to_kamer", "regel:dated"]
    assert {"soort:informeren", "termijn:seizoen", "stuk:brief", "ministerie:BZK", "ministerie:Financiën",
            "plaats:slot", "lengte:kort", "persoon:ik", "aan:kamer"} <= set(features)
    assert "tijd:toekomend" not in features and "tijd:verleden" not in features
    # one feature for the forms of a word
    assert "woord:informeer" in features
    assert {"woord:stuur", "tijd:toekomend"} <= set(candidate_features("Wij zullen u de brief sturen."))
    assert "woord:stuur" in candidate_features("Hierbij stuur ik u de brief.")
    assert "tijd:verleden" in candidate_features("Ik heb u geïnformeerd.")
    assert "vorm:lijdend" in candidate_features("Uw Kamer wordt voor de zomer geïnformeerd.")
    assert "vorm:lijdend" not in features
    assert "plaats:begin" in candidate_features("x", position=0.0)
    assert not any(f.startswith("plaats:") for f in candidate_features("x"))
    assert len(features) == len(set(features))


def test_a_run_together_table_gives_no_word_longer_than_a_dutch_one():
    assert all(len(f) < 50 for f in candidate_features("a" * 300 + " stuur ik u"))


def test_the_weights_are_plain_data_that_give_a_probability_and_the_strongest_reasons():
    weights = Weights(intercept=-1.0, weights={"woord:stuur": 2.0, "woord:hierbij": -3.0, "regel:to_kamer": 0.5})
    again = Weights(**json.loads(json.dumps(weights.__dict__)))
    assert again.probability(["woord:stuur", "regel:to_kamer", "woord:onbekend"]) == 1 / (1 + 2.718281828459045 ** -1.5)
    assert again.probability(["woord:hierbij", "woord:hierbij"]) < 0.02  # a feature counts once
    assert again.strongest(["woord:stuur", "woord:hierbij", "regel:to_kamer"], n=1) == (
        [("woord:stuur", 2.0)], [("woord:hierbij", -3.0)])
    # a function word weighs in the probability but is no reason to show
    weights.weights["woord:van"] = 5.0
    weights.weights["woord:teeg"] = -5.0  # "tegen", as its stem
    assert weights.probability(["woord:van"]) > 0.98 and weights.strongest(["woord:van", "woord:teeg"]) == ([], [])


def _decisions(letters=10):
    """Per letter a promise ("stuur ik u … toe") and a non-promise ("hierbij … gestuurd"), the latter scored
    higher by the rules."""
    examples = []
    for n in range(letters):
        examples.append(Example(candidate_features(f"Ik stuur u voor de zomer het rapport {n} toe."), True, f"L{n}",
                                0.6))
        examples.append(Example(candidate_features(f"Hierbij heb ik u het rapport {n} gestuurd."), False, f"L{n}", 0.9))
    return examples


def test_fitting_learns_which_words_make_a_promise():
    weights = fit(_decisions())
    assert weights.probability(candidate_features("Ik stuur u in december de brief toe.")) > 0.5
    assert weights.probability(candidate_features("Hierbij heb ik u de brief gestuurd.")) < 0.5


def test_cross_validation_never_scores_a_letter_with_a_model_that_saw_it():
    # Each letter's only clue is a word no other letter has: a model that saw the letter would know its label.
    examples = [Example([f"woord:eigen{n}"], n % 2 == 0, f"L{n}", 0.5) for n in range(12)]
    scores, folds = out_of_fold(examples, folds=4)
    assert folds == 4
    assert all(abs(score - 0.5) < 0.05 for score in scores)  # the intercept alone: nothing to go on
    fitted = fit(examples)
    assert fitted.probability(["woord:eigen0"]) > 0.55 and fitted.probability(["woord:eigen1"]) < 0.45


def test_training_measures_on_unseen_letters_against_the_rules():
    trained = train(_decisions())
    figures = trained.figures
    assert (figures.decisions, figures.promises, figures.letters, figures.folds) == (20, 10, 10, 5)
    assert figures.rules_precision == 0.5 and figures.precision == 1.0 and figures.recall == 1.0
    assert figures.average_precision == 1.0 and 0 < figures.threshold <= 0.5
    assert trained.weights.weights["woord:hierbij"] < 0 < trained.weights.weights["woord:stuur"]


def test_the_threshold_keeps_the_share_of_promises_and_never_passes_a_half():
    scored = [(0.9, True), (0.8, True), (0.3, True), (0.2, False), (0.1, True), (0.05, False)]
    assert keeping_threshold(scored, keep=0.75) == 0.3
    assert keeping_threshold(scored, keep=1.0) == 0.1
    assert keeping_threshold([(0.99, True)], keep=1.0) == 0.5
    assert keeping_threshold([(0.2, False)]) == 0.0


def test_the_ranking_figures():
    scored = [(0.9, True), (0.8, False), (0.7, True), (0.1, False)]
    assert average_precision(scored) == (1 + 2 / 3) / 2
    assert precision_at_recall(scored, 0.5) == 1.0
    assert precision_at_recall(scored, 1.0) == 2 / 3


def test_features_are_worded_in_dutch_with_the_word_as_the_letter_writes_it():
    text = "Voor de zomer sturen wij uw Kamer de brief."
    assert describe_feature("woord:stuur", text) == "het woord ‘sturen’"
    assert describe_feature("regel:to_kamer") == "belooft de Kamer te informeren of iets te sturen"
    assert describe_feature("termijn:geen") == "termijn op geen datum"
    assert describe_feature("tijd:verleden") == "verleden of voltooide tijd"
    assert describe_feature("ministerie:BZK") == "ministerie BZK"
