"""The learned second opinion on a message's themes (theme_model.py): its data, its training and how the chat
uses it. The examples here are written for these tests, not taken from the labelled data or any benchmark."""

from __future__ import annotations

import numpy as np
import pytest

from haven.chat import theme_model as TM


def test_the_labelled_messages_are_valid_and_split_by_a_stable_hash():
    rows = TM.load_labelled()
    assert len(rows) >= 800
    assert all(set(r.themes) <= set(TM.theme_names()) for r in rows)
    parts = {split: len(TM.part(split, rows)) for split in ("train", "dev", "heldout")}
    assert parts["train"] > parts["dev"] > 0 and parts["heldout"] > 0
    assert TM.split_of("My  Boss is   lovely") == TM.split_of("my boss is lovely")  # words, not spacing or case


def test_a_row_with_an_unknown_theme_names_its_file_and_row(tmp_path):
    (tmp_path / "bad.yaml").write_text('- {text: "fine", themes: []}\n- {text: "x", themes: [weather]}\n')
    with pytest.raises(ValueError, match=r"(?s)bad\.yaml, row 2: .*weather"):
        TM.load_labelled(tmp_path)


def test_the_saved_model_was_trained_on_the_data_in_the_repository():
    model = TM.load_model()
    assert model is not None, "haven/chat/data/themes/model.npz is missing: run `haven train-themes`"
    assert model.data_hash == TM.data_hash(TM.load_labelled()), (
        "the labelled data changed: run `haven train-themes`"
    )
    assert 0.0 < model.add_at < 1.0


def test_training_again_gives_the_saved_model():
    saved = TM.load_model()
    again, _ = TM.train(write=False, log=lambda line: None)
    assert again.add_at == saved.add_at
    # MiniLM's vectors differ in their last float bits from one CPU to another (ONNX Runtime picks kernels by the
    # instruction set), and training carries that through to about 3e-4 here; data or code changed since the model
    # was saved moves weights by far more than 2e-3
    assert np.allclose(again.weights, saved.weights, atol=2e-3) and np.allclose(again.bias, saved.bias, atol=2e-3)


def _model(probabilities: dict[str, float], add_at=0.6) -> TM.ThemeModel:
    """A model whose probabilities for a vector of ones are the given ones (unit tests need no MiniLM)."""
    names = TM.theme_names()
    p = np.array([probabilities.get(n, 0.01) for n in names], dtype=np.float64)
    bias = np.log(p / (1 - p)).astype(np.float32)
    return TM.ThemeModel(names, np.zeros((len(names), 3), np.float32), bias, add_at)


def test_the_words_come_first_and_the_model_gives_a_theme_only_when_they_named_none_and_it_is_sure():
    one = np.ones(3, np.float32)
    sure_money = _model({"money": 0.9, "friends": 0.1})
    assert sure_money.judge(("friends",), one) == ("friends",)  # the words' reading stands
    assert sure_money.judge((), one) == ("money",)
    assert _model({"money": 0.5}).judge((), one) == ()  # below add_at: nothing is invented


def test_a_reply_within_a_conversation_that_has_a_theme_keeps_to_it(understander):
    """The model reads one message alone; after "I look after my mum since her stroke" (caring), "I feel so guilty
    when I get annoyed with her" is read within the caring, not given a theme of its own."""
    from haven.chat.dialogue import DialogueState

    caring = DialogueState(topics=("caring",))
    alone = understander.read("physics mock on tuesday and i have revised precisely nothing")
    assert alone.themes == ("study",)
    assert understander.read("physics mock on tuesday and i have revised precisely nothing", caring).themes == ()
    assert understander.read(
        "physics mock on tuesday and i have revised precisely nothing", DialogueState(topics=("anxious",))
    ).themes == ("study",)


def test_without_the_model_the_theme_words_read_alone(library, monkeypatch):
    from haven.chat.understanding import Understander

    text = "my brother keeps borrowing money off me and never pays it back"
    words_only = Understander(library, theme_model=False).read(text).themes
    monkeypatch.setattr(TM, "load_model", lambda: None)
    assert Understander(library).read(text).themes == words_only


@pytest.mark.parametrize(
    "text, theme",
    [
        ("been up till 4am every night this week just staring at the ceiling", "sleep"),
        ("my girlfriend works on cruise ships and we only see each other twice a year", "relationships"),
        ("physics mock on tuesday and i have revised precisely nothing", "study"),
    ],
)
def test_a_theme_said_without_its_words_is_picked_up(understander, text, theme):
    """Only when the model is sure (``add_at``, chosen on dev): "the car failed its MOT and the garage wants six hundred
    quid I haven't got" is money at 0.71 and is left unread, which costs less than a wrong theme would."""
    assert theme in understander.read(text).themes


def test_on_dev_the_learned_reading_finds_the_main_theme_more_often():
    """Dev is where the thresholds were chosen, so this checks the wiring, not a figure to quote (held-out:
    benchmarks/themes.py --split heldout, in docs/benchmarks.md)."""
    from haven.chat.understanding import Understander
    from haven.content.loader import load_default_library

    rows = TM.part("dev", TM.load_labelled())
    library = load_default_library()
    words = TM.score(rows, [Understander(library, theme_model=False).read(r.text).themes for r in rows])
    learned = TM.score(rows, [Understander(library).read(r.text).themes for r in rows])
    assert learned.right >= words.right + 0.1 * len(rows)
    worth = lambda s: s.right - TM.WRONG_COST * s.wrong  # noqa: E731 - the objective the threshold was chosen by
    assert worth(learned) > worth(words)
