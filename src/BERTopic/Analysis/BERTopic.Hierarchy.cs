using BERTopicNet.Analysis;
using BERTopicNet.Topics;
using BERTopicNet.Vectorizers;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// A hierarchy of the topics (Python's <c>hierarchical_topics</c>): the topics (outliers excluded) are clustered by
    /// their c-TF-IDF rows (1 − cosine similarity, Ward linkage with optimal leaf ordering, by default), and each
    /// merge is named by the c-TF-IDF words of its topics' documents taken together.
    /// </summary>
    /// <param name="documents">The documents the model was fitted on.</param>
    /// <param name="options">Representation, distance and linkage; null for BERTopic's defaults.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>One row per merge, the last merge (the root) first, as Python sorts them.</returns>
    /// <exception cref="ArgumentException">The documents do not match, there are fewer than two topics besides the outliers, or a custom function returns a malformed result.</exception>
    /// <exception cref="InvalidOperationException">The model is not fitted or has no c-TF-IDF state (or no topic embeddings when <see cref="HierarchicalTopicsOptions.UseCTfidf"/> is false).</exception>
    /// <remarks>
    /// When two merges share a distance, Python adds a random amount below 1e-7 to the later one (so that
    /// <c>fcluster</c> can tell them apart); this port adds the middle of Python's range instead, so results are
    /// reproducible. Representation models are not applied to the merged topics' names.
    /// </remarks>
    public IReadOnlyList<HierarchicalTopic> HierarchicalTopics(IReadOnlyList<string> documents, HierarchicalTopicsOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new HierarchicalTopicsOptions();
        RequireAnalysable(documents, DocumentTopics.Count, "the fitted model");
        var leafTopics = _topicIds.Where(t => t != -1).ToArray();
        int n = leafTopics.Length;
        if (n < 2)
            throw new ArgumentException($"A hierarchy needs at least two topics besides the outliers, but the model has {n}.", nameof(documents));
        int offset = HasOutliers ? 1 : 0;
        var leafRows = Enumerable.Range(offset, n).ToArray();
        TermWeightMatrix vectors;
        if (options.UseCTfidf) vectors = _cTfidf!.SelectRows(leafRows);
        else
        {
            var e = _topicEmbeddings ?? throw new InvalidOperationException("The model has no topic embeddings; use the c-TF-IDF representation (UseCTfidf = true).");
            vectors = DenseRows(e, leafRows);
        }
        var condensed = Condense((options.DistanceFunction ?? TopicDistances.CosineDistance)(vectors), n);
        var z = options.LinkageFunction is { } link ? link(condensed, n) : HierarchicalClustering.Linkage(condensed, n, ClusterLinkage.Ward, optimalOrdering: true);
        ValidateLinkage(z, n);
        var distances = UniqueDistances(z.Select(r => r.Distance).ToArray());

        // Bag of words per topic (outliers excluded), to be summed per merged cluster.
        var cleaned = CleanCharacters(documents);
        var members = new List<int>[n];
        for (int i = 0; i < n; i++) members[i] = [];
        var position = new Dictionary<int, int>(n);
        for (int i = 0; i < n; i++) position[leafTopics[i]] = i;
        for (int d = 0; d < cleaned.Length; d++)
            if (position.TryGetValue(_documentTopics![d], out int p)) members[p].Add(d);
        var joined = members.Select(l => { var s = string.Join(' ', l.Select(i => cleaned[i])); return s.Length == 0 ? "emptydoc" : s; }).ToArray();
        var bow = _vectorizer.Transform(joined, cancellationToken);

        // fcluster(Z, t, "distance") puts a leaf in the cluster of its highest ancestor whose subtree's largest distance is <= t.
        var parent = new int[2 * n - 1];
        Array.Fill(parent, -1);
        var maxDist = new double[n - 1];
        for (int i = 0; i < n - 1; i++)
        {
            parent[z[i].Left] = n + i;
            parent[z[i].Right] = n + i;
            double md = distances[i];
            if (z[i].Left >= n) md = Math.Max(md, maxDist[z[i].Left - n]);
            if (z[i].Right >= n) md = Math.Max(md, maxDist[z[i].Right - n]);
            maxDist[i] = md;
        }

        var names = new string[n - 1];
        var rows = new HierarchicalTopic[n - 1];
        for (int index = 0; index < n - 1; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double t = distances[index];
            int leaf = z[index].Left;
            while (leaf >= n) leaf = z[leaf - n].Left;
            int top = leaf;
            for (int a = parent[leaf]; a >= 0; a = parent[a])
                if (maxDist[a - n] <= t) top = a;
            var clustered = LeavesUnder(z, top, n);

            var grouped = SumRows(bow, clustered);
            var words = TopicWordSelector.Select(_ctfidf.Transform(grouped), _vectorizer.Vocabulary, [0], Math.Max(_topNWords, 30))[0];
            names[index] = string.Join("_", words.Take(Math.Min(_topNWords, 5)).Select(w => w.Word));
            string ChildName(int id) => id < n ? string.Join("_", (GetTopic(leafTopics[id]) ?? []).Take(5).Select(w => w.Word)) : names[id - n];
            rows[index] = new HierarchicalTopic(n + index, names[index], clustered, z[index].Left, ChildName(z[index].Left),
                z[index].Right, ChildName(z[index].Right), distances[index]);
        }
        Array.Reverse(rows);
        return rows;
    }

    private static TermWeightMatrix DenseRows(float[,] e, int[] rows)
    {
        int d = e.GetLength(1);
        var ptr = new int[rows.Length + 1];
        var ind = new int[rows.Length * d];
        var val = new double[rows.Length * d];
        for (int r = 0; r < rows.Length; r++)
        {
            ptr[r + 1] = (r + 1) * d;
            for (int j = 0; j < d; j++) { ind[r * d + j] = j; val[r * d + j] = e[rows[r], j]; }
        }
        return new TermWeightMatrix(d, ptr, ind, val);
    }

    /// <summary>BERTopic's <c>validate_distance_matrix</c>: a square matrix gets a zero diagonal and becomes condensed (SciPy's <c>squareform</c>, which requires exact symmetry).</summary>
    private static double[] Condense(double[] distances, int n)
    {
        ArgumentNullException.ThrowIfNull(distances, "DistanceFunction result");
        long condensed = (long)n * (n - 1) / 2;
        if (distances.Length == condensed && distances.Length != (long)n * n) return distances;
        if (distances.Length != (long)n * n)
            throw new ArgumentException($"The distance function returned {distances.Length} values; {n} topics need a square matrix of {n * n} or a condensed one of {condensed}.");
        var result = new double[condensed];
        int k = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                if (distances[i * n + j] != distances[j * n + i])
                    throw new ArgumentException($"The distance matrix must be symmetric, but d[{i},{j}] = {distances[i * n + j]} and d[{j},{i}] = {distances[j * n + i]}.");
                result[k++] = distances[i * n + j];
            }
        return result;
    }

    private static void ValidateLinkage(LinkageRow[] z, int n)
    {
        if (z is null || z.Length != n - 1)
            throw new ArgumentException($"The linkage function must return {n - 1} rows for {n} topics (it returned {z?.Length ?? 0}).");
        var used = new bool[2 * n - 1];
        for (int i = 0; i < z.Length; i++)
            foreach (int c in (int[])[z[i].Left, z[i].Right])
            {
                if (c < 0 || c >= n + i || used[c])
                    throw new ArgumentException($"Row {i} of the linkage merges cluster {c}, which does not exist yet or was merged before.");
                used[c] = true;
            }
    }

    /// <summary>BERTopic's <c>get_unique_distances</c>, with the middle of its random range: equal neighbours are nudged apart by less than 1e-7.</summary>
    private static double[] UniqueDistances(double[] d)
    {
        if (d.Distinct().Count() == d.Length) return d;
        const double noiseMax = 1e-7;
        var copy = (double[])d.Clone();
        for (int i = 0; i < d.Length - 1; i++)
        {
            if (d[i] != d[i + 1]) continue;
            double nextUnique = d[i] + noiseMax;
            for (int j = i + 1; j < d.Length; j++) if (d[j] != d[i]) { nextUnique = d[j]; break; }
            double noise = Math.Min(noiseMax, nextUnique - copy[i]);
            copy[i + 1] = copy[i] + 0.75 * noise;
        }
        return copy;
    }

    private static int[] LeavesUnder(LinkageRow[] z, int node, int n)
    {
        var leaves = new List<int>();
        var stack = new Stack<int>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            int x = stack.Pop();
            if (x < n) { leaves.Add(x); continue; }
            stack.Push(z[x - n].Left);
            stack.Push(z[x - n].Right);
        }
        leaves.Sort();
        return [.. leaves];
    }

    private static DocumentTermMatrix SumRows(DocumentTermMatrix bow, int[] rows)
    {
        var sums = new SortedDictionary<int, int>();
        foreach (var r in rows)
        {
            var idx = bow.RowIndices(r);
            var cnt = bow.RowCounts(r);
            for (int k = 0; k < idx.Length; k++) sums[idx[k]] = sums.GetValueOrDefault(idx[k]) + cnt[k];
        }
        return new DocumentTermMatrix([0, sums.Count], [.. sums.Keys], [.. sums.Values], bow.Vocabulary);
    }
}
