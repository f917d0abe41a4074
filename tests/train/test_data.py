from collections import Counter

from vnpartner.schema import Document
from vnpartner.tag.neural import tags_to_spans
from vnpartner.train.data import corpus_is_segmented, label_words, read_corpus, tag_names, to_word_docs


def test_tag_names():
    assert tag_names(["DATE", "PERSON"]) == ["O", "B-DATE", "I-DATE", "B-PERSON", "I-PERSON"]


def test_words_are_cut_at_entity_boundaries():
    doc = Document(text="Tối 24/8 tỉnh Bình Dương ký kết")
    doc.add_entity(4, 8, "DATE")
    doc.add_entity(9, 24, "LOCATION")
    stats = Counter()
    # a segmentation that glues the time of day to the date and the place type to the name
    words = label_words(doc, [[(0, 8), (9, 24), (25, 31)]], ["DATE", "LOCATION"], stats)
    assert words.words == ["Tối", "24/8", "tỉnh Bình Dương", "ký kết"]
    assert words.tags == ["O", "B-DATE", "B-LOCATION", "O"]
    words = label_words(doc, [[(0, 13), (14, 24), (25, 31)]], ["DATE", "LOCATION"], stats)
    assert words.words == ["Tối", "24/8", "tỉnh", "Bình Dương", "ký kết"]
    assert words.tags == ["O", "B-DATE", "B-LOCATION", "I-LOCATION", "O"]


def test_tags_restart_at_sentences_and_other_labels_are_ignored():
    doc = Document(text="Hà Nội. Huế và Lào")
    doc.add_entity(0, 6, "LOCATION")
    doc.add_entity(8, 11, "LOCATION")
    doc.add_entity(15, 18, "COUNTRY")
    stats = Counter()
    words = label_words(doc, [[(0, 6), (6, 7)], [(8, 11), (12, 14), (15, 18)]], ["LOCATION"], stats)
    assert words.sentences() == [["B-LOCATION", "O"], ["B-LOCATION", "O", "O"]]
    assert words.sentence_starts == [0, 2]
    assert stats["ignored COUNTRY"] == 1


def test_overlapping_entities_keep_the_longer():
    doc = Document(text="Ủy ban Nhân dân tỉnh Bình Dương")
    doc.add_entity(0, 31, "ORGANIZATION")
    doc.add_entity(16, 31, "LOCATION")
    stats = Counter()
    words = label_words(doc, [[(0, 6), (7, 15), (16, 20), (21, 31)]], ["ORGANIZATION", "LOCATION"], stats)
    assert words.tags == ["B-ORGANIZATION"] + ["I-ORGANIZATION"] * 3
    assert stats["overlapping entities dropped"] == 1


def test_jsonl_words_give_back_every_entity(tmp_path, files, sentences):
    path = files.jsonl(tmp_path / "t.jsonl", sentences[:10])
    corpus = read_corpus(path)
    assert corpus.format == "jsonl" and not corpus.from_tokens
    docs = to_word_docs(corpus, segmented=True, types=["AGREEMENT", "DATE", "LOCATION", "PERSON", "SECTOR", "TITLE"])
    for doc, word_doc in zip(corpus.documents, docs):
        spans = []
        for first, sentence_tags in zip(word_doc.sentence_starts, word_doc.sentences()):
            spans += tags_to_spans(word_doc.spans[first:first + len(sentence_tags)], sentence_tags)
        assert spans == [(e.start, e.end, e.label) for e in doc.entities]
        assert all(doc.text[a:b] == w for (a, b), w in zip(word_doc.spans, word_doc.words))


def test_token_files_keep_their_tokens_as_words(tmp_path, files, sentences):
    path = files.conll(tmp_path / "t.conll", sentences[:3])
    corpus = read_corpus(path)
    assert corpus.from_tokens and corpus.format == "conll"
    docs = to_word_docs(corpus, segmented=True, types=["AGREEMENT", "DATE", "LOCATION", "PERSON", "SECTOR", "TITLE"])
    assert len(docs) == 3
    for word_doc, pairs in zip(docs, sentences):
        assert word_doc.words == [token.replace("_", " ") for token, _ in pairs]
        assert word_doc.tags == [tag for _, tag in pairs]


def test_syllable_words_for_unsegmented_models(tmp_path, files, sentences):
    path = files.jsonl(tmp_path / "t.jsonl", sentences[:2])
    docs = to_word_docs(read_corpus(path), segmented=False, types=["LOCATION"])
    assert all(" " not in w for w in docs[0].words)
    assert "Quảng" in docs[0].words and "B-LOCATION" in docs[0].tags


def test_a_token_file_is_segmented_only_when_its_tokens_join_syllables(tmp_path, files, sentences):
    syllables = [[(syllable, tag if k == 0 or tag == "O" else "I-" + tag[2:])
                  for token, tag in pairs for k, syllable in enumerate(token.split("_"))] for pairs in sentences[:3]]
    assert corpus_is_segmented(read_corpus(files.conll(tmp_path / "words.conll", sentences[:3])))
    assert not corpus_is_segmented(read_corpus(files.conll(tmp_path / "syllables.conll", syllables)))
    assert corpus_is_segmented(read_corpus(files.jsonl(tmp_path / "raw.jsonl", sentences[:3])))  # we segment raw text
