namespace BERTopicNet.Datasets;

/// <summary>One paragraph of a State of the Union address: a document with its year (the timestamp) and party (the class).</summary>
/// <param name="Text">The paragraph.</param>
/// <param name="Year">The year of the address.</param>
/// <param name="President">The president who gave it.</param>
/// <param name="Party">The president's party ("none" for George Washington), as the package names it.</param>
public sealed record SotuParagraph(string Text, int Year, string President, string Party);
