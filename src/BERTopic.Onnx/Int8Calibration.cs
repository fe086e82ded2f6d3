namespace BERTopicNet.Onnx;

/// <summary>
/// The texts the int8 path measures activation ranges on (<see cref="Int8Quantizer"/>): fixed, so that the quantised
/// model is the same on every machine and can be cached; varied in length and register (news, mail, forum posts,
/// technical prose, lists, fragments, punctuation), because the outlying channels, not the topics, are what is measured.
/// </summary>
internal static class Int8Calibration
{
    public static readonly string[] Texts =
    [
        "",
        "Thanks!",
        "...",
        "Not this again.",
        "Please unsubscribe me from this list.",
        "Does anyone know where I can find the drivers for this card? I have looked everywhere.",
        "The weather is lovely today. It's so sunny outside!",
        "> I think you're wrong about that.\n> The numbers don't add up.\n\nThey do, if you read the second table.",
        "Shares in the company fell 4% on Tuesday after it warned that profits for the year would be lower than "
        + "expected. The firm blamed rising costs and weaker demand in Europe, where sales dropped for a third "
        + "quarter in a row. Analysts said the warning was not a surprise, but the scale of the fall was. The chief "
        + "executive told investors the group would cut 1,200 jobs and close two factories by the end of next year, "
        + "while investing more in its online business, which grew by a fifth.",
        "The government has promised to review the rules after a report found that thousands of families were "
        + "paying too much for their energy. Ministers said the review would start in the spring and that any "
        + "changes would come into force before next winter. Opposition MPs called the plan too little, too late.",
        "The striker scored twice in the second half as the home side came from behind to win 3-2 and move to "
        + "the top of the table. The manager praised his players' spirit: \"We never stopped believing,\" he said. "
        + "The visitors had led at the break through a header from a corner, and hit the post late on.",
        "Her new film, a thriller set in 1970s Berlin, opens in cinemas next week. Critics at the festival called "
        + "it her best work yet, and the soundtrack, written by a band she met on tour, has already topped the charts.",
        "Researchers have developed a chip that uses a tenth of the power of current designs. The team says the "
        + "technology could extend the battery life of phones and laptops, and may reach the market within three years.",
        "To install the package, run the setup script as root, then edit /etc/config.ini and set PORT=8080. "
        + "If the daemon fails to start, check the log file for 'permission denied' errors and make sure the user "
        + "has write access to /var/run. Version 2.1.3 fixes the memory leak reported in bug #4412.",
        "The algorithm sorts the keys in O(n log n) time and uses O(n) extra space. For small arrays (n < 16) "
        + "it falls back to insertion sort, which is faster in practice because of its low constant factor.",
        "In article <1993Apr5.172734@host.edu> john@host.edu writes:\n>> Has anyone tried the new compiler?\n"
        + "Yes. It crashed twice on my code, but the 1.2 patch fixed that.\n-- \nJohn Smith  |  Dept. of Physics",
        "For sale: 1988 sedan, 120k miles, new tires, runs great. $2,500 or best offer. Call 555-0142 after 6pm.",
        "The shuttle's heat shield is made of thousands of ceramic tiles, each shaped for its place on the hull. "
        + "During re-entry the tiles reach temperatures above 1,200 degrees Celsius while the aluminium frame "
        + "beneath them stays below 180. Damage to even a few tiles can be dangerous, which is why each one is "
        + "inspected after every flight.",
        "I don't believe the argument from design works. If every complex thing needs a designer, then the "
        + "designer needs one too, and you are left with an infinite regress. Most philosophers accept this point.",
        "Doctors say the new treatment cut the risk of a second heart attack by a third in a trial of 4,000 patients. "
        + "Side effects were mild, mostly headaches and tiredness, and few patients stopped taking the drug.",
        "Ingredients: 2 cups flour, 1 tsp salt, 3 eggs, 1/2 cup milk. Mix, rest for 30 minutes, then fry in butter.",
        "WARNING!!! DO NOT OPEN ATTACHMENTS FROM UNKNOWN SENDERS!!! This message was sent to all users.",
        "1. Open the case.\n2. Remove the old drive.\n3. Insert the new one and close the case.\n4. Boot from the disk.",
        "The league's decision to expand to twenty teams was welcomed by fans in the north, where two cities have "
        + "waited decades for a club of their own. Owners will vote on the final plan in June; if it passes, the "
        + "new teams would play their first games the following season, in temporary stadiums while new ones are built. "
        + "Some players' unions have raised concerns about the longer schedule and the extra travel it would bring, "
        + "and broadcasters are expected to bid more for the rights.",
    ];
}
