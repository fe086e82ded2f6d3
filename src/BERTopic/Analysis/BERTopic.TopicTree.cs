using System.Text;
using BERTopicNet.Analysis;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// The hierarchy as a text tree, drawn as Python's <c>get_topic_tree</c> draws it: merged topics by name, original
    /// topics as <c>■──name ── Topic: id</c>, and topics merged at <paramref name="maxDistance"/> or more as <c>O</c>.
    /// </summary>
    /// <param name="hierarchy">The rows of <see cref="HierarchicalTopics"/>.</param>
    /// <param name="maxDistance">Merges at or above this distance are cut; null: the largest distance + 1 (nothing cut).</param>
    /// <param name="tightLayout">Indent by one character instead of four, for hundreds of topics.</param>
    /// <exception cref="ArgumentException">The hierarchy is empty.</exception>
    public static string GetTopicTree(IReadOnlyList<HierarchicalTopic> hierarchy, double? maxDistance = null, bool tightLayout = false)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        if (hierarchy.Count == 0) throw new ArgumentException("The hierarchy has no merges.", nameof(hierarchy));
        int width = tightLayout ? 1 : 4;
        double max = maxDistance ?? hierarchy.Max(r => r.Distance) + 1;
        int maxOriginal = hierarchy.Min(r => r.ParentId) - 1;
        var names = new Dictionary<int, string>();
        foreach (var r in hierarchy) names[r.ChildLeftId] = Cut(r.ChildLeftName);
        foreach (var r in hierarchy) names[r.ChildRightId] = Cut(r.ChildRightName);
        var children = new Dictionary<int, (int Left, int Right)>();
        var distanceAsChild = new Dictionary<int, double>();
        foreach (var r in hierarchy)
        {
            children[r.ParentId] = (r.ChildLeftId, r.ChildRightId);
            distanceAsChild.TryAdd(r.ChildLeftId, r.Distance);
            distanceAsChild.TryAdd(r.ChildRightId, r.Distance);
        }
        int start = hierarchy.Max(r => r.ParentId);
        var sb = new StringBuilder(".\n");

        void Draw(int node, bool isStart, string indent)
        {
            double distance = distanceAsChild.TryGetValue(node, out var d) ? d : 10;
            if (!isStart)
            {
                if (node <= maxOriginal)
                    sb.Append(distance < max ? $"■──{names[node]} ── Topic: {node}\n" : "O \n");
                else
                    sb.Append(names[node]).Append('\n');
            }
            if (!children.TryGetValue(node, out var c)) return;
            sb.Append(indent).Append("├─");
            Draw(c.Left, false, indent + "│" + new string(' ', width));
            sb.Append(indent).Append("└─");
            Draw(c.Right, false, indent + new string(' ', width + 1));
        }

        Draw(start, true, "");
        return sb.ToString();
    }

    private static string Cut(string name) => name.Length > 100 ? name[..100] : name;
}
