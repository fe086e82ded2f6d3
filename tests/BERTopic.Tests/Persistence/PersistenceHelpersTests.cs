using BERTopicNet.Persistence;

namespace BERTopicNet.Tests.Persistence;

public class PersistenceHelpersTests
{
    public enum Kind { Alpha, Beta }

    public sealed class SampleState
    {
        public int Version { get; set; } = 1;
        public Kind Metric { get; set; }
        public int? NEpochs { get; set; }
        public float LearningRate { get; set; }
        public double Alpha { get; set; }
        public long Seed { get; set; }
        public bool AllowSingleCluster { get; set; }
        public float[]? Data { get; set; }
        public int[] TreeParent { get; set; } = [];
        public double[] TreeLambda { get; set; } = [];
        public long[] Big { get; set; } = [];
    }

    private static SampleState Sample() => new()
    {
        Version = 3, Metric = Kind.Beta, NEpochs = null, LearningRate = 0.1f, Alpha = 1.0 / 3, Seed = long.MinValue, AllowSingleCluster = true,
        Data = [1f, float.NaN, -0f], TreeParent = [5, 6], TreeLambda = [double.PositiveInfinity, 2.5], Big = [1L << 50],
    };

    [Fact]
    public void StateRoundTripsExactly()
    {
        var s = Sample();
        var file = StateTensors.Write(s, "sample");
        Assert.Equal("tree_parent", StateTensors.SnakeCase("TreeParent"));
        Assert.Equal("n_epochs", StateTensors.SnakeCase("NEpochs"));
        Assert.True(file.TryGetTensor("tree_lambda", out _));
        var back = StateTensors.Read<SampleState>(SafeTensorsFile.Read(file.ToBytes(), "s.safetensors"), "sample", "s.safetensors");
        Assert.Equal(s.Version, back.Version);
        Assert.Equal(s.Metric, back.Metric);
        Assert.Null(back.NEpochs);
        Assert.Equal(s.LearningRate, back.LearningRate);
        Assert.Equal(s.Alpha, back.Alpha);
        Assert.Equal(s.Seed, back.Seed);
        Assert.True(back.AllowSingleCluster);
        Assert.Equal(s.Data, back.Data);
        Assert.Equal(s.TreeParent, back.TreeParent);
        Assert.Equal(s.TreeLambda, back.TreeLambda);
        Assert.Equal(s.Big, back.Big);

        s.Data = null;
        s.NEpochs = 7;
        back = StateTensors.Read<SampleState>(SafeTensorsFile.Read(StateTensors.Write(s, "sample").ToBytes(), "s"), "sample", "s");
        Assert.Null(back.Data);
        Assert.Equal(7, back.NEpochs);
    }

    [Fact]
    public void BadStatesGiveClearErrors()
    {
        var good = StateTensors.Write(Sample(), "sample");
        SafeTensorsFile Edit(Action<SafeTensorsFile> edit)
        {
            var f = SafeTensorsFile.Read(good.ToBytes(), "s.safetensors");
            edit(f);
            return SafeTensorsFile.Read(f.ToBytes(), "s.safetensors");
        }
        void Fails(SafeTensorsFile f, string expected)
        {
            var e = Assert.Throws<ModelFormatException>(() => StateTensors.Read<SampleState>(f, "sample", "s.safetensors"));
            Assert.Contains("s.safetensors", e.Message);
            Assert.Contains(expected, e.Message);
        }
        Assert.Throws<ModelFormatException>(() => StateTensors.Read<SampleState>(good, "other", "s.safetensors"));
        Fails(Edit(f => f.Metadata.Remove("seed")), "'seed' is missing");
        Fails(Edit(f => f.Metadata["seed"] = "12x"), "not a valid Int64");
        Fails(Edit(f => f.Metadata["metric"] = "Gamma"), "not a valid Kind");
        Fails(Edit(f => f.Metadata["metric"] = "5"), "not a valid Kind");
        Fails(Edit(f => f.Metadata["allow_single_cluster"] = "True"), "not a valid Boolean");
        Fails(Edit(f => f.Add(SafeTensor.FromSingle("surprise", [1f]))), "unexpected tensor 'surprise'");

        var noParent = new SafeTensorsFile();
        foreach (var kv in good.Metadata) noParent.Metadata[kv.Key] = kv.Value;
        foreach (var t in good.Tensors.Where(t => t.Name != "tree_parent")) noParent.Add(t);
        Fails(noParent, "'tree_parent' is missing");

        var wrongType = new SafeTensorsFile();
        foreach (var kv in good.Metadata) wrongType.Metadata[kv.Key] = kv.Value;
        foreach (var t in good.Tensors.Where(t => t.Name != "tree_parent")) wrongType.Add(t);
        wrongType.Add(SafeTensor.FromSingle("tree_parent", [1.5f]));
        Fails(SafeTensorsFile.Read(wrongType.ToBytes(), "s.safetensors"), "tree_parent");
    }

    [Fact]
    public void AtomicWriteReplacesOnlyModelFoldersAndLeavesNoTempOnFailure()
    {
        var root = Directory.CreateTempSubdirectory("atomic-");
        try
        {
            string target = Path.Combine(root.FullName, "model");
            AtomicDirectory.Write(target, true, _ => true, d => File.WriteAllText(Path.Combine(d, "a.txt"), "one"), default);
            Assert.Equal("one", File.ReadAllText(Path.Combine(target, "a.txt")));

            // A failing write leaves the previous folder intact and no temporary folder behind.
            Assert.Throws<InvalidOperationException>(() => AtomicDirectory.Write(target, true, _ => true, d =>
            {
                File.WriteAllText(Path.Combine(d, "a.txt"), "half");
                throw new InvalidOperationException("disk full");
            }, default));
            Assert.Equal("one", File.ReadAllText(Path.Combine(target, "a.txt")));
            Assert.Single(Directory.GetFileSystemEntries(root.FullName));

            // Cancellation after writing also leaves the old folder.
            using var cts = new CancellationTokenSource();
            Assert.Throws<OperationCanceledException>(() => AtomicDirectory.Write(target, true, _ => true, d => { File.WriteAllText(Path.Combine(d, "a.txt"), "x"); cts.Cancel(); }, cts.Token));
            Assert.Equal("one", File.ReadAllText(Path.Combine(target, "a.txt")));

            // Replacing swaps the whole folder: stale files of the old model do not survive.
            File.WriteAllText(Path.Combine(target, "stale.txt"), "old");
            AtomicDirectory.Write(target, true, _ => true, d => File.WriteAllText(Path.Combine(d, "a.txt"), "two"), default);
            Assert.Equal("two", File.ReadAllText(Path.Combine(target, "a.txt")));
            Assert.False(File.Exists(Path.Combine(target, "stale.txt")));
            Assert.Single(Directory.GetFileSystemEntries(root.FullName));

            // Non-model folders and files are never replaced; Overwrite = false is honoured.
            Assert.Throws<IOException>(() => AtomicDirectory.Write(target, true, _ => false, _ => { }, default));
            Assert.Throws<IOException>(() => AtomicDirectory.Write(target, false, _ => true, _ => { }, default));
            string file = Path.Combine(root.FullName, "file");
            File.WriteAllText(file, "x");
            Assert.Throws<IOException>(() => AtomicDirectory.Write(file, true, _ => true, _ => { }, default));
        }
        finally { root.Delete(true); }
    }

    [Fact]
    public void ManifestDetectsNewerVersionsAndDamagedFiles()
    {
        var dir = Directory.CreateTempSubdirectory("manifest-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "x.bin"), "hello");
            var m = new ModelManifest();
            m.AddFile(dir.FullName, "x.bin");
            m.Model["seed"] = 42;
            File.WriteAllText(Path.Combine(dir.FullName, ModelManifest.FileName), m.ToJson());
            var back = ModelManifest.Read(dir.FullName);
            back.Verify(dir.FullName);
            Assert.Equal(42, back.Model["seed"]!.GetValue<int>());
            Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", back.Files["x.bin"].Sha256); // SHA-256("hello")

            File.WriteAllText(Path.Combine(dir.FullName, "x.bin"), "hellO");
            Assert.Contains("SHA-256", Assert.Throws<ModelFormatException>(() => back.Verify(dir.FullName)).Message);
            File.WriteAllText(Path.Combine(dir.FullName, "x.bin"), "hell");
            Assert.Contains("truncated", Assert.Throws<ModelFormatException>(() => back.Verify(dir.FullName)).Message);
            File.Delete(Path.Combine(dir.FullName, "x.bin"));
            Assert.Contains("missing", Assert.Throws<ModelFormatException>(() => back.Verify(dir.FullName)).Message);

            m.FormatVersion = ModelManifest.CurrentVersion + 1;
            File.WriteAllText(Path.Combine(dir.FullName, ModelManifest.FileName), m.ToJson());
            var e = Assert.Throws<ModelFormatException>(() => ModelManifest.Read(dir.FullName));
            Assert.Contains($"format version {ModelManifest.CurrentVersion + 1}", e.Message);
            Assert.Contains("Upgrade", e.Message);

            m.FormatVersion = ModelManifest.CurrentVersion;
            File.WriteAllText(Path.Combine(dir.FullName, ModelManifest.FileName), m.ToJson().Replace("\"x.bin\"", "\"../x.bin\""));
            Assert.Contains("not a plain file name", Assert.Throws<ModelFormatException>(() => ModelManifest.Read(dir.FullName)).Message);
        }
        finally { dir.Delete(true); }
    }
}
