namespace BERTopicNet.Datasets.Tests;

/// <summary>Edge cases of the removals; expected values from scikit-learn 1.2.1's strip_newsgroup_* functions.</summary>
public sealed class NewsgroupsTextTests
{
    [Theory]
    [InlineData("Subject: x\nno blank line", "")]
    [InlineData("a\n\nb\n\nc", "b\n\nc")]
    [InlineData("\n\nbody", "body")]
    [InlineData("", "")]
    public void StripHeader(string text, string expected) => Assert.Equal(expected, NewsgroupsText.StripHeader(text));

    [Theory]
    [InlineData("body\n\nsig", "body")]
    [InlineData("  body\nmore\n -- \nsig\n\n", "body\nmore")]
    [InlineData("only line  ", "only line  ")]
    [InlineData("\n\nfirst\nsecond\n", "\n\nfirst\nsecond\n")]
    [InlineData("a\n\u001c\nb", "a")]
    [InlineData("a\n\u00a0-\u00a0\nb", "a")]
    [InlineData("a\n- x -\nb", "a\n- x -\nb")]
    [InlineData("", "")]
    public void StripFooter(string text, string expected) => Assert.Equal(expected, NewsgroupsText.StripFooter(text));

    [Theory]
    [InlineData("keep\n> quoted\n|bar\nJoe writes:\nkeep too", "keep\nkeep too")]
    [InlineData(" > indented quote is kept", " > indented quote is kept")]
    [InlineData("x In article y\nIn article z", "x In article y")]
    [InlineData("he said: so\nsays:\nwrote: it\nwrites in\nQuoted from x", "")]
    [InlineData("a\n\nb\n", "a\n\nb\n")]
    public void StripQuoting(string text, string expected) => Assert.Equal(expected, NewsgroupsText.StripQuoting(text));

    [Fact]
    public void CleanAppliesInScikitLearnsOrder()
    {
        const string post = "From: a\n\nhello\nJoe wrote:\n> q\n\n--\nsig";
        Assert.Equal("hello\nJoe wrote:\n> q\n", NewsgroupsText.Clean(post, NewsgroupsRemove.Headers | NewsgroupsRemove.Footers));
        Assert.Equal("hello\n", NewsgroupsText.Clean(post, NewsgroupsRemove.All));
        Assert.Same(post, NewsgroupsText.Clean(post, NewsgroupsRemove.None));
    }
}
