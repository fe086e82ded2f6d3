namespace BERTopicNet.Persistence;

/// <summary>
/// Writes a folder so that readers see either the complete old folder or the complete new one: the files go
/// into a hidden temporary folder beside the target (same parent, hence same file system), which is then
/// renamed into place. An existing target is first renamed aside and deleted only after the swap. If the
/// process dies mid-way, the target is either untouched, absent (its previous version then sits beside it as
/// <c>.NAME.old-*</c>), or complete — never a mix of two models.
/// </summary>
internal static class AtomicDirectory
{
    public static void Write(string target, bool overwrite, Func<string, bool> isReplaceable, Action<string> writeInto, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        string parent = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{target}' has no parent folder; save into a sub-folder.", nameof(target));
        string name = Path.GetFileName(full);
        if (File.Exists(full)) throw new IOException($"{full}: a file of that name exists; the model is saved as a folder. Choose another path or delete the file.");
        if (Directory.Exists(full))
        {
            if (!overwrite) throw new IOException($"{full}: the folder exists and SaveOptions.Overwrite is false.");
            if (Directory.EnumerateFileSystemEntries(full).Any() && !isReplaceable(full))
                throw new IOException($"{full}: the folder exists and is not a saved model; refusing to replace it. Choose an empty or new folder.");
        }
        Directory.CreateDirectory(parent);
        string token = Guid.NewGuid().ToString("N")[..12];
        string temp = Path.Combine(parent, $".{name}.saving-{token}");
        Directory.CreateDirectory(temp);
        try
        {
            writeInto(temp);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        if (!Directory.Exists(full))
        {
            MoveOrCleanUp(temp, full);
            return;
        }
        string old = Path.Combine(parent, $".{name}.old-{token}");
        try { Directory.Move(full, old); }
        catch
        {
            TryDelete(temp);
            throw;
        }
        try { Directory.Move(temp, full); }
        catch
        {
            try { Directory.Move(old, full); } catch (IOException) { /* the old model stays beside it as .NAME.old-* */ }
            TryDelete(temp);
            throw;
        }
        TryDelete(old);
    }

    private static void MoveOrCleanUp(string from, string to)
    {
        try { Directory.Move(from, to); }
        catch
        {
            TryDelete(from);
            throw;
        }
    }

    private static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
