#!/usr/bin/python3
"""Makes the SentencePiece test data of BERTopic.Onnx.Tests (documentation: the tests do not run Python).

Trains a small Unigram SentencePiece model the way XLM-R's sentencepiece.bpe.model was made (unigram, nmt_nfkc
normalisation, <unk>=0 <s>=1 </s>=2, no byte fallback) on text written for this purpose (several languages,
accents, CJK, emoji), then records the reference tokenizer's ids for a list of test sentences.

Needs Debian's python3-sentencepiece (the reference C++ implementation):
    apt-get install -y python3-sentencepiece
    /usr/bin/python3 tests/BERTopic.Onnx.Tests/TestData/make_spm.py
Writes, next to this script:
    xlmr-tiny.model      the XLM-R-style SentencePiece ModelProto (nmt_nfkc: its precompiled character map is most of the file)
    xlmr-tiny.ids.json   {"cases": [{"text", "spm": [ids], "pieces": [...]}], "fuzz": [{"text", "spm"}]}
    plain-tiny.model     a second model: no normalisation rule ("identity"), extra spaces kept, user-defined symbols
    plain-tiny.ids.json  the same for it
SentencePiece's trainer is not bit-for-bit reproducible here (a rerun changed a few scores), so a rerun rewrites
both files of a model together: the ids always belong to the model written in the same run.
"fuzz" holds random strings (a fixed seed) mixing words of this script with characters from many Unicode blocks
(controls, combining marks, compatibility forms, CJK, emoji, odd spaces) and runs of whitespace.
"""
import json
import os
import random
import tempfile

import sentencepiece as spm

HERE = os.path.dirname(os.path.abspath(__file__))

CORPUS = """
The weather is lovely today, and the children are playing in the park.
It's so sunny outside that everyone went to the beach after lunch.
He drove to the stadium to watch the football match with his friends.
Topic models find groups of documents that talk about the same things.
Sentence embeddings turn each document into a vector of numbers.
Clustering the reduced vectors gives topics that people can read.
The quick brown fox jumps over the lazy dog near the river bank.
Machine learning models are trained on large collections of text.
Our library runs the transformer on the processor without any download.
The meeting was moved to Thursday afternoon because of the holiday.
Please send the report to the whole team before the end of the week.
She bought apples, oranges, bananas and a loaf of bread at the market.
Das Wetter ist heute wunderschön, und die Kinder spielen im Garten.
Er fährt jeden Morgen mit dem Fahrrad zur Arbeit über die große Brücke.
Die Straße war nach dem Regen nass, aber die Sonne schien schon wieder.
Wir müssen die Übersetzung bis Freitag fertig haben, sagte die Lehrerin.
Grüße aus München! Das Bier und die Brezeln schmecken hervorragend.
Le temps est magnifique aujourd'hui et les enfants jouent dans le jardin.
Nous avons déjeuné au café près de la gare avant de prendre le train.
L'été dernier, j'ai visité Montréal et Québec avec ma sœur aînée.
Où est la bibliothèque ? Elle se trouve derrière l'hôtel de ville.
Les élèves ont préparé un exposé sur l'économie et la société française.
El tiempo es precioso hoy y los niños juegan en el parque del barrio.
Mañana vamos a la playa con mis abuelos si no llueve por la tarde.
¿Dónde está la estación de autobuses? Necesito llegar a Sevilla pronto.
La canción que escuchamos anoche era de un grupo español muy famoso.
O tempo está lindo hoje e as crianças estão brincando na praça.
Não sei se vou conseguir chegar a tempo para a reunião de amanhã.
A informação foi publicada no jornal de São Paulo na semana passada.
Il tempo è bellissimo oggi e i bambini giocano nel cortile della scuola.
Domani andiamo a Firenze per vedere il museo e mangiare la pizza.
Het weer is vandaag prachtig en de kinderen spelen in het park.
Vädret är underbart i dag och barnen leker ute på gården.
Dziś jest piękna pogoda, a dzieci bawią się w ogrodzie za domem.
Počasí je dnes krásné a děti si hrají na zahradě u řeky.
Bugün hava çok güzel ve çocuklar bahçede oyun oynuyorlar.
Погода сегодня прекрасная, и дети играют во дворе у дома.
Мы поехали в Москву на поезде и вернулись домой через неделю.
Эта книга рассказывает о жизни учёных в большом городе.
Ο καιρός είναι υπέροχος σήμερα και τα παιδιά παίζουν στον κήπο.
Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και έχει πολλά μουσεία.
الطقس جميل اليوم والأطفال يلعبون في الحديقة.
ذهبنا إلى السوق واشترينا الخبز والفاكهة.
מזג האוויר נהדר היום והילדים משחקים בגן.
आज मौसम बहुत अच्छा है और बच्चे बगीचे में खेल रहे हैं।
今天天气很好，孩子们在公园里玩。
我们明天去北京看长城和故宫。
这本书讲的是一个科学家的故事。
中文和英文都是很重要的语言。
今日はとても良い天気で、子供たちは公園で遊んでいます。
私は毎朝コーヒーを飲んでから会社に行きます。
東京の電車はいつもとても混んでいます。
오늘은 날씨가 정말 좋고 아이들이 공원에서 놀고 있어요.
저는 매일 아침 커피를 마시고 회사에 갑니다.
Hôm nay thời tiết rất đẹp và bọn trẻ đang chơi trong công viên.
วันนี้อากาศดีมากและเด็กๆ กำลังเล่นอยู่ในสวน
I love this song 😀 and the new album 🎉 is great 👍
We had pizza 🍕 and ice cream 🍦 at the party last night 😂
Prices rose 3.5% in 2023; the euro (€) and the pound (£) fell.
Call me at 555-0123 or write to info@example.com before 9:30.
The temperature was 21°C at noon and 14°C at midnight.
Visit https://example.org/docs for the full documentation.
"""

# Repeated so that the common words make pieces of their own; the rarest characters stay out (character_coverage).
SENTENCES = [
    "The weather is lovely today.",
    "It's so sunny outside!",
    "He drove to the stadium.",
    "Das Wetter ist heute wunderschön.",
    "Le café près de la gare, l'été dernier.",
    "¿Dónde está la estación? Mañana.",
    "Não sei se vou conseguir.",
    "Погода сегодня прекрасная.",
    "Ο καιρός είναι υπέροχος.",
    "今天天气很好，孩子们在公园里玩。",
    "東京の電車はいつもとても混んでいます。",
    "오늘은 날씨가 정말 좋고",
    "الطقس جميل اليوم",
    "I love this song 😀🎉👍 really",
    "Prices rose 3.5% in 2023; the euro (€) fell.",
    "",
    "   ",
    "  leading and trailing spaces  ",
    "many     inner      spaces",
    "tabs\tand\nnew\r\nlines",
    "ＦＵＬＬ ｗｉｄｔｈ ｌｅｔｔｅｒｓ １２３",
    "ﬁne ﬂowers ligatures",
    "e\u0301te\u0301 combining accents",
    "① ② ③ circled numbers and ² superscript",
    "ｶﾀｶﾅ half-width katakana",
    "zero\u200bwidth\u200dspace and soft\u00adhyphen",
    "control\u0007char\u0000nul",
    "non\u00a0breaking\u3000ideographic space",
    "Unknown: ʘ ǂ ᚠᛇᚻ ⴰⵣⵓⵍ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "xyzzyqwrtplk",
    "UPPER lower MiXeD",
    "Visit https://example.org/docs now",
    "Eine sehr lange Straße " * 40,
    "<s> looks special </s> <unk> but is text",
    " looks special ",
    " ",
    " but is text",
    "a<mask>b",
    "a",
    "b",
    "<url> and @@ are symbols @@<url>",
]

POOLS = [range(0x20, 0x7F), range(0xA0, 0x250), range(0x300, 0x370), range(0x370, 0x400), range(0x400, 0x500),
         range(0x600, 0x6FF), range(0x900, 0x97F), range(0xE00, 0xE7F), range(0x1100, 0x11FF), range(0x2000, 0x2070),
         range(0x2070, 0x2200), range(0x2460, 0x24FF), range(0x3000, 0x30FF), range(0x3200, 0x33FF),
         range(0x4E00, 0x4F00), range(0xAC00, 0xAC80), range(0xFB00, 0xFB50), range(0xFE30, 0xFE70),
         range(0xFF00, 0xFFEF), range(0x1D400, 0x1D500), range(0x1F300, 0x1F650), range(0x0, 0x20), range(0x7F, 0xA0),
         [0x200B, 0x200C, 0x200D, 0xFEFF, 0xAD, 0x2028, 0x85]]


def fuzz(count, seed, extra_words=()):
    rng = random.Random(seed)
    words = CORPUS.split() + list(extra_words)
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(0, 10)):
            r = rng.random()
            if r < 0.5:
                parts.append(rng.choice(words))
            elif r < 0.85:
                pool = rng.choice(POOLS)
                parts.append("".join(chr(rng.choice(pool)) for _ in range(rng.randint(1, 4))))
            else:
                parts.append(rng.choice([" ", "  ", "\t", "\n", "\u3000", "\u00a0", ""]))
        out.append(rng.choice([" ", "", ""]).join(parts))
    return out


def train(tmp, name, **options):
    prefix = os.path.join(tmp, name)
    spm.SentencePieceTrainer.train(
        input=os.path.join(tmp, "corpus.txt"), model_prefix=prefix, model_type="unigram", hard_vocab_limit=False,
        byte_fallback=False, unk_id=0, bos_id=1, eos_id=2, pad_id=-1, num_threads=1, seed_sentencepiece_size=100000,
        shuffle_input_sentence=False, minloglevel=2, **options)
    with open(prefix + ".model", "rb") as f:
        return f.read()


def write(name, model, fuzz_texts):
    with open(os.path.join(HERE, name + ".model"), "wb") as f:
        f.write(model)
    sp = spm.SentencePieceProcessor(model_proto=model)
    cases = [{"text": s, "spm": sp.encode(s), "pieces": sp.encode(s, out_type=str)} for s in SENTENCES]
    random_cases = [{"text": s, "spm": sp.encode(s)} for s in fuzz_texts]
    with open(os.path.join(HERE, name + ".ids.json"), "w", encoding="utf-8") as f:  # one case a line
        f.write('{"vocab_size": %d,\n' % sp.get_piece_size())
        for key, items in (("cases", cases), ("fuzz", random_cases)):
            f.write('"%s": [\n%s\n]%s\n' % (key, ",\n".join(json.dumps(c, ensure_ascii=False) for c in items), "," if key == "cases" else "}"))
    print(f"{name}: {sp.get_piece_size()} pieces, {len(model)} bytes, {len(cases)} sentences, {len(random_cases)} random strings")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "corpus.txt"), "w", encoding="utf-8") as f:
            for _ in range(3):
                f.write(CORPUS.strip() + "\n")
        xlmr = train(tmp, "xlmr-tiny", vocab_size=700, normalization_rule_name="nmt_nfkc", character_coverage=0.995)
        plain = train(tmp, "plain-tiny", vocab_size=400, normalization_rule_name="identity", character_coverage=0.98,
                      remove_extra_whitespaces=False, user_defined_symbols=["<url>", "@@"])
    write("xlmr-tiny", xlmr, fuzz(1000, 1))
    write("plain-tiny", plain, fuzz(300, 2, ["<url>", "@@", "@", "<", "url>"]))


if __name__ == "__main__":
    main()
