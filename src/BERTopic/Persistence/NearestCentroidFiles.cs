using BERTopicNet.Clustering;

namespace BERTopicNet.Persistence;

/// <summary>Fitted state of <see cref="NearestCentroidClassifier"/> as a safetensors file.</summary>
internal static class NearestCentroidFiles
{
    public const string Kind = "nearest_centroid";
    public const string FileName = "nearest_centroid.safetensors";

    public static void Save(NearestCentroidClassifier c, string path)
    {
        var f = new SafeTensorsFile()
            .Add(SafeTensor.FromInt32("classes", [.. c.Classes!], c.Classes!.Count))
            .Add(SafeTensor.FromMatrix("centroids", c.Centroids!));
        f.Metadata["kind"] = Kind;
        f.Save(path);
    }

    public static NearestCentroidClassifier Load(string path)
    {
        var f = SafeTensorsFile.Read(path);
        var classes = f["classes"].RequireShape(-1).ToInt32Array();
        if (classes.Length == 0) throw new ModelFormatException(path, "'classes' is empty.");
        for (int i = 0; i < classes.Length; i++)
            if (classes[i] < -1 || (i > 0 && classes[i] <= classes[i - 1]))
                throw new ModelFormatException(path, "'classes' must be ascending class ids >= -1.");
        var centroids = f["centroids"].RequireShape(classes.Length, -1).ToSingleMatrix();
        return NearestCentroidClassifier.FromState(classes, centroids);
    }
}
