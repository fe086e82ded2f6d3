using BERTopicNet.Vectorizers;

namespace BERTopicNet.Tests;

public class CountVectorizerTests
{
    private static Dictionary<string, int> Row(DocumentTermMatrix m, int row)
    {
        var result = new Dictionary<string, int>();
        var idx = m.RowIndices(row);
        var cnt = m.RowCounts(row);
        for (int k = 0; k < idx.Length; k++) result[m.Vocabulary[idx[k]]] = cnt[k];
        return result;
    }

    [Fact]
    public void CountsLowercasedTokensOfTwoOrMoreWordCharacters()
    {
        var m = new CountVectorizer().FitTransform(["The cat sat. The CAT ran!", "a I x2 under_score"]);
        Assert.Equal(["cat", "ran", "sat", "the", "under_score", "x2"], m.Vocabulary);
        Assert.Equal(new Dictionary<string, int> { ["cat"] = 2, ["ran"] = 1, ["sat"] = 1, ["the"] = 2 }, Row(m, 0));
        Assert.Equal(new Dictionary<string, int> { ["under_score"] = 1, ["x2"] = 1 }, Row(m, 1));
        Assert.Equal([2, 1, 1, 2, 1, 1], m.ColumnSums().Select(x => (int)x));
    }

    [Fact]
    public void TokenizesUnicodeLikePythonRe()
    {
        // Python's \w has letters and numbers but not combining marks (U+0301, and the U+0307 that lower() adds to İ),
        // unlike .NET's \w.
        var m = new CountVectorizer().FitTransform(["Café cafe\u0301 naïve ŞEHİR ²³ 東京"]);
        Assert.Equal(new[] { "café", "cafe", "naïve", "şehi", "²³", "東京" }.Order(StringComparer.Ordinal), m.Vocabulary.Order(StringComparer.Ordinal));
        var v = new CountVectorizer(new CountVectorizerOptions { Lowercase = false }).FitTransform(["b a9 Zed éa aa"]);
        Assert.Equal(["Zed", "a9", "aa", "éa"], v.Vocabulary); // code-point order: upper case first
    }

    [Fact]
    public void LowercasesFinalSigmaAsPython()
    {
        var m = new CountVectorizer().FitTransform(["ΟΔΟΣ ΣΑ"]);
        Assert.Equal(["οδος", "σα"], m.Vocabulary);
    }

    [Fact]
    public void NGramsAreFormedAfterStopWordRemoval()
    {
        var options = new CountVectorizerOptions { NGramRange = (1, 2), StopWords = StopWordLists.English };
        var v = new CountVectorizer(options);
        Assert.Equal(["quick", "brown", "fox", "quick brown", "brown fox"], v.Analyze("The quick brown fox"));
        var m = v.FitTransform(["The quick brown fox", "a brown fox and the fox"]);
        Assert.Equal(["brown", "brown fox", "fox", "fox fox", "quick", "quick brown"], m.Vocabulary);
        Assert.Equal(2, m[1, m.Vocabulary.ToList().IndexOf("fox")]);
    }

    [Fact]
    public void BigramsOnlyExcludeUnigrams()
    {
        var v = new CountVectorizer(new CountVectorizerOptions { NGramRange = (2, 3) });
        Assert.Equal(["aa bb", "bb cc", "aa bb cc"], v.Analyze("aa bb cc"));
        Assert.Empty(v.Analyze("single"));
    }

    [Fact]
    public void EnglishStopWordsAreScikitLearnsList()
    {
        Assert.Equal(318, StopWordLists.English.Count);
        Assert.Contains("amoungst", StopWordLists.English);
        Assert.Contains("thick", StopWordLists.English);
        Assert.DoesNotContain("couldn't", StopWordLists.English);
    }

    [Fact]
    public void MinDfAndMaxDfPruneByDocumentFrequency()
    {
        string[] docs = ["aa bb cc", "aa bb", "aa dd", "aa"];
        Assert.Equal(["aa", "bb"], new CountVectorizer(new CountVectorizerOptions { MinDf = 2 }).FitTransform(docs).Vocabulary);
        Assert.Equal(["aa", "bb"], new CountVectorizer(new CountVectorizerOptions { MinDf = 0.5 }).FitTransform(docs).Vocabulary);
        Assert.Equal(["bb", "cc", "dd"], new CountVectorizer(new CountVectorizerOptions { MaxDf = 0.75 }).FitTransform(docs).Vocabulary);
        Assert.Equal(["cc", "dd"], new CountVectorizer(new CountVectorizerOptions { MaxDf = 1 }).FitTransform(docs).Vocabulary);
        var pruned = new CountVectorizer(new CountVectorizerOptions { MinDf = 2 }).FitTransform(docs);
        Assert.Equal(4, pruned.Rows);
        Assert.Equal(0, pruned.RowIndices(2).Length - 1); // "aa dd" keeps only aa
    }

    [Fact]
    public void MaxFeaturesKeepsTheMostFrequentTerms()
    {
        var m = new CountVectorizer(new CountVectorizerOptions { MaxFeatures = 2 }).FitTransform(["aa aa aa bb cc cc", "cc dd"]);
        Assert.Equal(["aa", "cc"], m.Vocabulary);
    }

    [Fact]
    public void InconsistentPruningIsReportedClearly()
    {
        string[] docs = ["aa bb", "aa"];
        var ex = Assert.Throws<ArgumentException>(() => new CountVectorizer(new CountVectorizerOptions { MinDf = 2, MaxDf = 1 }).FitTransform(docs));
        Assert.Contains("MaxDf", ex.Message);
        Assert.Contains("no terms remain", Assert.Throws<ArgumentException>(() => new CountVectorizer(new CountVectorizerOptions { MinDf = 3 }).FitTransform(["aa bb", "aa", "bb"])).Message);
        Assert.Contains("Empty vocabulary", Assert.Throws<ArgumentException>(() => new CountVectorizer(new CountVectorizerOptions { StopWords = StopWordLists.English }).FitTransform(["the a of"])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CountVectorizerOptions { MinDf = 1.5 });
        Assert.Throws<ArgumentException>(() => new CountVectorizer(new CountVectorizerOptions { NGramRange = (2, 1) }));
    }

    [Fact]
    public void FixedVocabularyKeepsItsOrderAndIgnoresOtherTerms()
    {
        var v = new CountVectorizer(new CountVectorizerOptions { Vocabulary = ["zz", "aa"] });
        var m = v.FitTransform(["aa bb zz zz"]);
        Assert.Equal(["zz", "aa"], m.Vocabulary);
        Assert.Equal(2, m[0, 0]);
        Assert.Equal(1, m[0, 1]);
        Assert.Throws<ArgumentException>(() => new CountVectorizer(new CountVectorizerOptions { Vocabulary = ["aa", "aa"] }));
    }

    [Fact]
    public void TransformUsesTheFittedVocabulary()
    {
        var v = new CountVectorizer();
        Assert.Throws<InvalidOperationException>(() => v.Transform(["aa"]));
        v.Fit(["aa bb"]);
        var m = v.Transform(["bb bb cc", ""]);
        Assert.Equal(2, m[0, 1]);
        Assert.Equal(0, m[0, 0]);
        Assert.Equal(0, m.RowIndices(1).Length);
        Assert.Throws<ArgumentException>(() => v.Transform(["ok", null!]));
    }

    [Fact]
    public void ResultDoesNotDependOnChunkingOrThreads()
    {
        var rng = new Random(3);
        var words = Enumerable.Range(0, 300).Select(i => "w" + i).ToArray();
        var docs = Enumerable.Range(0, 1500).Select(_ => string.Join(' ', Enumerable.Range(0, 20).Select(_ => words[rng.Next(words.Length)]))).ToArray();
        var a = new CountVectorizer().FitTransform(docs);
        var b = new CountVectorizer().FitTransform(docs.Reverse().ToArray());
        Assert.Equal(a.Vocabulary, b.Vocabulary);
        Assert.Equal(a.ColumnSums(), b.ColumnSums());
        for (int r = 0; r < docs.Length; r++)
            Assert.Equal(a.RowCounts(r).ToArray(), b.RowCounts(docs.Length - 1 - r).ToArray());
    }

    /// <summary>
    /// More documents than one wave of the fit (2,048), so the workers' row accumulators carry over from wave to wave
    /// while the vocabulary grows: the fitted rows equal what Transform, a separate path, gives for the same documents.
    /// </summary>
    [Fact]
    public void FitTransform_Over_Several_Waves_Equals_Transform()
    {
        var rng = new Random(11);
        var docs = Enumerable.Range(0, 5000).Select(i => string.Join(' ', Enumerable.Range(0, rng.Next(0, 30)).Select(_ => "w" + rng.Next(i / 2 + 20)))).ToArray();
        var v = new CountVectorizer();
        var fitted = v.FitTransform(docs);
        var again = v.Transform(docs);
        Assert.True(fitted.Vocabulary.Count > 2000);
        Assert.Equal(fitted.IndPtr, again.IndPtr);
        Assert.Equal(fitted.Indices, again.Indices);
        Assert.Equal(fitted.Counts, again.Counts);
    }

    /// <summary>
    /// Counting each topic's documents where they lie equals counting the joined per-topic texts, for groups of every
    /// shape: large (split into several runs), single empty documents ("emptydoc"), several empty ones (a space),
    /// Unicode, stop words and document-frequency pruning; n-grams take the joined texts.
    /// </summary>
    [Theory]
    [InlineData(1, false, 1)]
    [InlineData(1, true, 2)]
    [InlineData(2, true, 1)]
    public void FitTransformGroups_Equals_FitTransform_Of_The_Joined_Texts(int maxN, bool stopWords, int minDf)
    {
        var rng = new Random(7);
        string[] words = ["the", "Cat", "sat", "ÉCOLE", "naïve", "x2", "under_score", "of", "and", "ΣΊΣΥΦΟΣ", "a", "ran", "dog's"];
        var docs = new string[6000];
        for (int i = 0; i < docs.Length; i++)
        {
            int n = i % 97 == 0 ? 0 : rng.Next(1, 40);
            docs[i] = string.Join(rng.Next(3) == 0 ? ",\n" : " ", Enumerable.Range(0, n).Select(_ => words[rng.Next(words.Length)]));
        }
        docs[5] = "";
        docs[6] = "";
        int[][] groups =
        [
            Enumerable.Range(0, 5000).Where(i => i % 3 != 0).ToArray(), // large: more than one run
            [5],                                                        // one empty document
            [5, 6],                                                     // two empty documents: one space
            Enumerable.Range(0, 5000).Where(i => i % 3 == 0).ToArray(),
            Enumerable.Range(5000, 1000).ToArray(),
        ];
        static string Clean(string d) => d.Replace('\n', ' ');
        static int CleanInto(ReadOnlySpan<char> source, Span<char> destination)
        {
            source.CopyTo(destination);
            destination[..source.Length].Replace('\n', ' ');
            return source.Length;
        }
        var options = new CountVectorizerOptions
        {
            NGramRange = new NGramRange(1, maxN),
            StopWords = stopWords ? StopWordLists.English : null,
            MinDf = DocumentFrequencyLimit.Count(minDf),
        };
        var joined = groups.Select(g => string.Join(' ', g.Select(i => Clean(docs[i])))).Select(t => t.Length == 0 ? "emptydoc" : t).ToArray();
        var expected = new CountVectorizer(options).FitTransform(joined);
        var actual = new CountVectorizer(options).FitTransformGroups(docs, groups, CleanInto);
        Assert.Equal(expected.Vocabulary, actual.Vocabulary);
        Assert.Equal(expected.IndPtr, actual.IndPtr);
        Assert.Equal(expected.Indices, actual.Indices);
        Assert.Equal(expected.Counts, actual.Counts);
        if (minDf == 1) Assert.Contains("emptydoc", actual.Vocabulary); // min_df 2 prunes it: one group has it
    }
}

public class CountVectorizerVocabularyOrderTests
{
    [Fact]
    public void Vocabulary_Is_In_Ordinal_Order_Across_Cases_Digits_And_Non_Ascii_First_Letters()
    {
        string[] docs = ["Zeta alpha Éclair 9lives _under zeta ALPHA", "éclair Zebra zz za alphabet al 10 1x Ωmega ωmega"];
        var m = new CountVectorizer(new CountVectorizerOptions { Lowercase = false }).FitTransform(docs);
        var expected = docs.SelectMany(CountVectorizer.Tokenize).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, m.Vocabulary);
        Assert.Equal(17, m.Vocabulary.Count);
    }

    /// <summary>Terms that share their first four or eight characters, or are prefixes of each other, sort as strings do.</summary>
    [Fact]
    public void Vocabulary_Is_In_Ordinal_Order_When_Terms_Share_Long_Prefixes()
    {
        var rng = new Random(11);
        string[] stems = ["inter", "internation", "a", "ab", "abcd", "abcdefgh", "zz", "9"];
        var words = Enumerable.Range(0, 3000).Select(_ => stems[rng.Next(stems.Length)] + new string([.. Enumerable.Range(0, rng.Next(0, 6)).Select(_ => "ab1Z"[rng.Next(4)])])).ToArray();
        var docs = Enumerable.Range(0, 50).Select(i => string.Join(' ', words.Skip(i * 60).Take(60))).ToArray();
        var m = new CountVectorizer(new CountVectorizerOptions { Lowercase = false }).FitTransform(docs);
        var expected = docs.SelectMany(CountVectorizer.Tokenize).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.True(expected.Length > 500, $"only {expected.Length} distinct terms");
        Assert.Equal(expected, m.Vocabulary);
    }

    /// <summary>The 16-characters-at-a-time ASCII tokenizer finds the same tokens as the general one, across block edges and at the ends.</summary>
    [Fact]
    public void Ascii_Tokenizer_Equals_The_General_One()
    {
        var rng = new Random(5);
        const string alphabet = "aZ09_ .,'-\n\t@[`{/:";
        for (int trial = 0; trial < 400; trial++)
        {
            var text = new string([.. Enumerable.Range(0, rng.Next(0, 90)).Select(_ => rng.Next(3) == 0 ? ' ' : alphabet[rng.Next(alphabet.Length)])]);
            var expected = new List<(int, int)>();
            var actual = new List<(int, int)>();
            PythonText.Tokenize(text, expected);
            PythonText.TokenizeAscii(text, actual);
            Assert.Equal(expected, actual);
        }
        var longRun = new string('x', 40) + " " + new string('y', 17);
        var tokens = new List<(int, int)>();
        PythonText.TokenizeAscii(longRun, tokens);
        Assert.Equal([(0, 40), (41, 17)], tokens);
    }

    /// <summary>A document's row does not depend on the batch it comes in (each worker's table is emptied between documents).</summary>
    [Fact]
    public void Transform_Rows_Do_Not_Depend_On_The_Batch_Size()
    {
        var words = Enumerable.Range(0, 2000).Select(i => "w" + i).ToArray();
        var v = new CountVectorizer();
        v.Fit([string.Join(' ', words)]);
        var rng = new Random(9);
        var doc = string.Join(' ', Enumerable.Range(0, 300).Select(_ => words[rng.Next(40)] + (rng.Next(5) == 0 ? " unknown" : "")));
        var one = v.Transform([doc]);
        var many = v.Transform(Enumerable.Repeat(doc, 200).ToArray());
        Assert.True(one.RowIndices(0).Length > 10);
        for (int r = 0; r < 200; r += 37)
        {
            Assert.Equal(one.RowIndices(0).ToArray(), many.RowIndices(r).ToArray());
            Assert.Equal(one.RowCounts(0).ToArray(), many.RowCounts(r).ToArray());
        }
        Assert.Equal(300, one.RowCounts(0).ToArray().Sum());
    }

    /// <summary>
    /// A document with more distinct terms than a worker's buffers first hold, then small documents after it on the
    /// same worker (its grown table emptied slot by slot): every row as when transformed alone.
    /// </summary>
    [Fact]
    public void Transform_After_A_Large_Document_Leaves_No_Residue()
    {
        var words = Enumerable.Range(0, 5000).Select(i => "t" + i).ToArray();
        var v = new CountVectorizer();
        v.Fit([string.Join(' ', words)]);
        var docs = new List<string> { string.Join(' ', words.Concat(words.Take(100))) };
        for (int i = 0; i < 50; i++) docs.Add($"t{i} t{i} t{i + 1} unknown t{4999 - i}");
        var all = v.Transform(docs);
        Assert.Equal(5000, all.RowIndices(0).Length);
        Assert.Equal(5100, all.RowCounts(0).ToArray().Sum());
        for (int r = 0; r < docs.Count; r++)
        {
            var alone = v.Transform([docs[r]]);
            Assert.Equal(alone.RowIndices(0).ToArray(), all.RowIndices(r).ToArray());
            Assert.Equal(alone.RowCounts(0).ToArray(), all.RowCounts(r).ToArray());
        }
        Assert.Equal([2, 1, 1], all.RowCounts(1).ToArray().OrderDescending().ToArray()); // "t0 t0 t1 unknown t4999"
    }

    /// <summary>A fixed vocabulary may hold the empty string; lookups of the other terms still work.</summary>
    [Fact]
    public void Fixed_Vocabulary_With_An_Empty_Term_Counts_The_Others()
    {
        var v = new CountVectorizer(new CountVectorizerOptions { Vocabulary = ["", "aa", "bb"] });
        var m = v.Transform(["aa bb aa cc"]);
        Assert.Equal([1, 2], m.RowIndices(0).ToArray());
        Assert.Equal([2, 1], m.RowCounts(0).ToArray());
    }

    /// <summary>Terms pruned by min_df are unknown to Transform, like terms never seen.</summary>
    [Fact]
    public void Transform_Ignores_Pruned_Terms()
    {
        var v = new CountVectorizer(new CountVectorizerOptions { MinDf = DocumentFrequencyLimit.Count(2) });
        v.Fit(["common rare", "common other", "other thing"]);
        Assert.Equal(["common", "other"], v.Vocabulary);
        var m = v.Transform(["rare rare common thing unseen other other"]);
        Assert.Equal([0, 1], m.RowIndices(0).ToArray());
        Assert.Equal([1, 2], m.RowCounts(0).ToArray());
    }
}

public class TopicTextCleaningTests
{
    [Theory]
    [InlineData(true, "Don't\tstop\r\n—über 42!", "Dont stop ber 42")]
    [InlineData(false, "Don't\tstop\r\n—über 42!", "Don't stop\r —über 42!")]
    [InlineData(true, "plain text 7", "plain text 7")]
    public void Cleans_As_Python_BERTopic_Preprocess_Text(bool english, string input, string expected)
    {
        Assert.Equal(expected, BERTopicNet.Topics.TopicTextCleaning.Clean(input, english));
        var same = "plain words";
        Assert.Same(same, BERTopicNet.Topics.TopicTextCleaning.Clean(same, english)); // unchanged documents are not copied
    }

    [Fact]
    public void English_Cleaning_Vector_And_Scalar_Paths_Match_The_Rule_Character_By_Character()
    {
        // Lengths around the 32-character blocks, characters from every class the rule distinguishes.
        const string alphabet = "aZm09 _\t\n\r!'-.éü—\u00a0\uD83D\uDE00~@[`{";
        var random = new Random(5);
        for (int length = 0; length < 200; length++)
        {
            var text = new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var expected = new string([.. text.Where(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '\t' or '\n').Select(c => c is '\t' or '\n' ? ' ' : c)]);
            var destination = new char[length];
            int written = BERTopicNet.Topics.TopicTextCleaning.English(text, destination);
            Assert.Equal(expected, new string(destination, 0, written));
            written = BERTopicNet.Topics.TopicTextCleaning.EnglishScalar(text, destination);
            Assert.Equal(expected, new string(destination, 0, written));
            if (System.Runtime.Intrinsics.X86.Avx512Vbmi2.IsSupported)
            {
                var (read, vectorWritten) = BERTopicNet.Topics.TopicTextCleaning.EnglishCompress(text, destination);
                Assert.Equal(length / 32 * 32, read);
                Assert.Equal(expected[..vectorWritten], new string(destination, 0, vectorWritten));
            }
        }
        Assert.Throws<ArgumentException>(() => BERTopicNet.Topics.TopicTextCleaning.English("abc", new char[2]));
    }
}
