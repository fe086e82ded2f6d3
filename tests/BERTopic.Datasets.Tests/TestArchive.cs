using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace BERTopicNet.Datasets.Tests;

/// <summary>
/// A small "20news-bydate" archive built in memory: 3 groups, train and test folders, file names whose string order
/// differs from their numeric order, posts with headers, signatures, quotes, Latin-1 bytes and edge cases.
/// The same archive fed to scikit-learn 1.2.1 produced <c>sklearn_expected.json</c> (see <c>make_expected.py</c>).
/// </summary>
internal static class TestArchive
{
    public static readonly string[] Groups = ["sci.space", "alt.atheism", "comp.graphics"];

    /// <summary>(split folder, group, file name, Latin-1 content).</summary>
    public static IEnumerable<(string Split, string Group, string File, string Text)> Posts()
    {
        string[] bodies =
        [
            "From: a@b.c\nSubject: Orbit\nLines: 3\n\nThe shuttle reached orbit.\nIt was fine.\n\n-- \nJohn Doe, NASA\n",
            "From: x@y.z\nSubject: Re: God\n\nIn article <123@host> x@y.z writes:\n> Is there a god?\n| maybe\nI think not.\nHe said: no.\nHe wrote: yes.\n",
            "Subject: no blank line here\nbody continues without separator\n",
            "From: q@r.s\nSubject: Caf\u00e9\n\nCaf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00a0nbsp\nsecond line\n---------\nsig line\n",
            "From: m@n.o\n\n\n\n  \n",
            "From: k@l.m\nSubject: render\n\nRendering with OpenGL\n\nis fast.\nQuoted from somewhere\nwrites in the margin\nsays: hi\nend of post\n   \n\n",
            "From: p@q.r\n\nline one\n\u001c\nline three\n",
            "From: s@t.u\n\n-----\nonly after separator\n",
            "From: s@t.u\n\nsingle line body",
            "\n\nstarts with blank line\n\n--\nsig\n",
            "From: v@w.x\n\n>quoted only\n>more\n",
            "From: y@z.a\nSubject: JPEG\n\nJPEG compression\r\nwith CRLF\r\n\r\nsig\r\n",
        ];
        string[] files = ["9", "10", "100", "51", "5", "60000", "1", "2"];
        int b = 0;
        foreach (var split in new[] { "20news-bydate-train", "20news-bydate-test" })
            for (int g = 0; g < Groups.Length; g++)
            {
                var group = Groups[g];
                int count = split.EndsWith("train", StringComparison.Ordinal) ? 4 : 3;
                for (int i = 0; i < count; i++)
                {
                    var file = files[(g * 3 + i + count) % files.Length];
                    yield return (split, group, file, $"{bodies[b % bodies.Length]}[{split[14..]}/{group}/{file}]\n");
                    b++;
                }
            }
    }

    /// <summary>Writes the archive as tar.gz (<paramref name="gzip"/>) or plain tar, with directory entries first.</summary>
    public static void Write(string path, bool gzip = true)
    {
        using var file = File.Create(path);
        using Stream stream = gzip ? new GZipStream(file, CompressionLevel.Optimal) : file;
        using var writer = new TarWriter(stream, TarEntryFormat.Ustar);
        var seenDirs = new HashSet<string>();
        foreach (var (split, group, name, text) in Posts())
        {
            foreach (var dir in new[] { split + "/", $"{split}/{group}/" })
                if (seenDirs.Add(dir)) writer.WriteEntry(new UstarTarEntry(TarEntryType.Directory, dir));
            var entry = new UstarTarEntry(TarEntryType.RegularFile, $"{split}/{group}/{name}")
            {
                DataStream = new MemoryStream(Encoding.Latin1.GetBytes(text)),
            };
            writer.WriteEntry(entry);
        }
    }

    /// <summary>Extracts the posts into a folder (the layout of an extracted archive).</summary>
    public static void Extract(string root)
    {
        foreach (var (split, group, name, text) in Posts())
        {
            var dir = Path.Combine(root, split, group);
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, name), Encoding.Latin1.GetBytes(text));
        }
    }
}
