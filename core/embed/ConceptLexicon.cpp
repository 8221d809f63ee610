#include "embed/ConceptLexicon.h"

#include "embed/PorterStemmer.h"

#include <algorithm>

namespace memscope {

namespace {

// "form lemma" pairs: irregular verbs (past tense and participle), irregular plurals.
constexpr const char* kLemmas[] = {
    "went go",           "gone go",           "goes go",          "ran run",           "made make",
    "took take",         "taken take",        "got get",          "gotten get",        "saw see",
    "seen see",          "came come",         "bought buy",       "brought bring",     "thought think",
    "taught teach",      "caught catch",      "felt feel",        "left leave",        "met meet",
    "kept keep",         "slept sleep",       "spent spend",      "sent send",         "built build",
    "lost lose",         "found find",        "told tell",        "sold sell",         "said say",
    "paid pay",          "heard hear",        "held hold",        "stood stand",       "understood understand",
    "wrote write",       "written write",     "drove drive",      "driven drive",      "rode ride",
    "ridden ride",       "ate eat",           "eaten eat",        "drank drink",       "drunk drink",
    "sang sing",         "sung sing",         "swam swim",        "swum swim",         "began begin",
    "begun begin",       "won win",           "broke break",      "broken break",      "chose choose",
    "chosen choose",     "fell fall",         "fallen fall",      "flew fly",          "flown fly",
    "forgot forget",     "forgotten forget",  "gave give",        "given give",        "grew grow",
    "grown grow",        "knew know",         "known know",       "led lead",          "lent lend",
    "meant mean",        "shot shoot",        "shook shake",      "spoke speak",       "spoken speak",
    "stole steal",       "stolen steal",      "struck strike",    "stuck stick",       "threw throw",
    "thrown throw",      "woke wake",         "woken wake",       "wore wear",         "worn wear",
    "drew draw",         "drawn draw",        "fought fight",     "sought seek",       "hid hide",
    "hidden hide",       "hung hang",         "dug dig",          "fed feed",          "fled flee",
    "froze freeze",      "frozen freeze",     "became become",    "sat sit",           "tore tear",
    "torn tear",         "bent bend",         "bled bleed",       "bred breed",        "dealt deal",
    "dreamt dream",      "forgave forgive",   "forgiven forgive", "leapt leap",        "lit light",
    "overcame overcome", "rang ring",         "rung ring",        "shrank shrink",     "slid slide",
    "spun spin",         "sprang spring",     "stung sting",      "stank stink",       "strove strive",
    "swore swear",       "sworn swear",       "swept sweep",      "swung swing",       "undertook undertake",
    "wept weep",         "withdrew withdraw", "mistook mistake",  "mistaken mistake",  "overslept oversleep",
    "rewrote rewrite",   "rewritten rewrite", "rebuilt rebuild",  "upheld uphold",     "children child",
    "men man",           "women woman",       "feet foot",        "teeth tooth",       "mice mouse",
    "geese goose",       "wives wife",        "knives knife",     "shelves shelf",     "wolves wolf",
    "halves half",       "selves self",       "indices index",    "analyses analysis", "crises crisis",
    "theses thesis",
};

// One topic per line. Words are matched by their Porter stem, so one form of a word covers its regular
// inflections ("paint" covers "painting", "painted", "paints").
constexpr const char* kGroups[] = {
    // people and family
    "mother mom mum mommy mama",
    "father dad daddy papa",
    "child kid kiddo youngster toddler baby infant son daughter",
    "family relative parent sibling brother sister grandma grandpa grandmother grandfather grandparent "
    "aunt uncle cousin niece nephew fam household",
    "husband wife spouse partner boyfriend girlfriend fiance fiancee",
    "friend buddy pal bestie companion friendship",
    "wedding marriage married marry engaged engagement bride groom honeymoon",
    "dating romance romantic crush breakup divorce",
    "neighbor neighbour neighborhood neighbourhood",
    // animals
    "pet dog puppy pup cat kitten kitty hamster rabbit bunny parrot goldfish turtle tortoise guinea "
    "gerbil ferret",
    "animal wildlife creature bird horse cow pig sheep goat deer bear fox wolf lion tiger elephant monkey "
    "reptile snake lizard turtle frog zoo",
    // food and drink
    "food meal dish cuisine recipe cook cooking bake baking dinner lunch breakfast brunch snack eat",
    "dessert cake cookie pie pastry chocolate candy sweets pudding cupcake brownie icecream gelato "
    "sorbet muffin donut doughnut",
    "drink beverage coffee tea juice soda beer wine cocktail smoothie latte espresso",
    "fruit apple banana berry strawberry blueberry raspberry orange grape mango peach lemon pineapple "
    "cherry",
    "vegetable veggie salad carrot tomato potato broccoli spinach lettuce onion cucumber",
    "vegan vegetarian dairy gluten diet",
    "restaurant cafe diner bakery bistro eatery takeout",
    // sport, fitness, outdoors
    "sport athlete league tournament championship season coach teammate",
    "basketball football soccer baseball tennis volleyball hockey golf rugby cricket nba nfl",
    "exercise workout fitness gym training yoga pilates jogging cardio weightlifting strength",
    "karate judo taekwondo kickboxing boxing wrestling martial jitsu mma",
    "hike hiking trek trekking trail camping campfire tent outdoors wilderness backpacking mountain "
    "forest woods climbing nature",
    "swim swimming beach ocean sea lake surfing surf kayak kayaking canoe snorkeling diving",
    "bike biking bicycle cycling cyclist",
    "marathon race racing runner sprint 5k 10k",
    // arts and hobbies
    "art artwork artist painting paint drawing draw sketch canvas sculpture pottery ceramics clay gallery "
    "museum exhibit exhibition mural",
    "music song sing singing singer band concert album melody musician lyrics playlist tune gig",
    "instrument guitar piano violin cello drum flute saxophone trumpet ukulele",
    "dance dancing dancer ballet choreography salsa tango",
    "book novel reading reader author literature library bookshelf bookstore chapter",
    "writing writer author journal journaling blog blogging poem poetry essay article manuscript",
    "movie film cinema theater theatre series tv television documentary actor actress sitcom netflix",
    "game gaming gamer videogame console playstation xbox nintendo chess puzzle esports",
    "photo photograph photography picture pic camera image snapshot selfie",
    "craft crafting knitting sewing quilting woodworking diy handmade jewelry",
    "garden gardening plant flower seed bloom",
    // travel and places
    "travel trip journey vacation holiday tour tourist abroad roadtrip sightseeing flight airport",
    "city town downtown urban village",
    "home house apartment bedroom kitchen",
    "car drive driving vehicle truck road highway",
    // school, work, money, community
    "school class course lesson study student education college university degree teacher learn "
    "learning semester tutor",
    "job work career profession employment employer employee occupation hire hiring promotion "
    "interview resume",
    "business company startup store shop brand customer client entrepreneur venture firm",
    "money finance budget saving salary income cost expensive cheap price afford",
    "volunteer volunteering charity nonprofit donate donation fundraiser fundraising shelter",
    "mentor mentoring mentorship coach coaching guidance",
    // health and feelings
    "health doctor hospital clinic medicine medical illness sick disease injury injured hurt pain "
    "surgery",
    "anxiety depression stress stressed therapy therapist counseling counselor wellbeing mental",
    "relax relaxing relaxation destress unwind calm peaceful rest meditation meditate",
    "happy happiness joy joyful glad excited excitement thrilled delighted",
    "sad sadness upset unhappy heartbroken grief lonely",
    "angry anger frustrated frustration annoyed irritated",
    "afraid fear scared nervous anxious worried worry terrified",
    "proud pride achievement accomplishment success successful win victory award",
    // time and occasions
    "birthday anniversary celebration celebrate party festival christmas thanksgiving halloween easter",
    "weekend saturday sunday",
    "summer winter autumn",
    // communication, media, belief, identity
    "phone call text message email",
    "instagram facebook twitter tiktok youtube online post follower",
    "church religion religious faith god prayer pray spiritual temple mosque",
    "lgbtq lgbt gay lesbian transgender trans queer pride",
    // software engineering (the outcome lessons agents record)
    "database db sql postgres postgresql mysql sqlite mariadb mongodb schema query index",
    "slow slowness latency performance perf lag sluggish bottleneck throughput",
    "timeout timeouts unresponsive",
    "error exception failure fail crash bug fault panic segfault traceback",
    "fix patch resolve solve repair workaround hotfix",
    "deploy deployment release rollout ship publish production rollback",
    "test testing unittest integration ci pipeline assertion flaky",
    "connection connect network socket tcp http request endpoint dns",
    "ram leak oom heap allocation",
    "disk storage file filesystem directory folder",
    "config configuration setting option parameter env environment variable flag",
    "auth authentication authorization login password credential token permission oauth",
    "api endpoint rest graphql service server microservice backend",
    "cache caching redis memcached",
    "log logging logger trace tracing",
    "build compile compiler linker cmake",
    "container docker kubernetes k8s pod cluster",
    "report dashboard chart metric analytics",
    "git commit branch merge repository repo rebase",
    "queue worker scheduler cron batch",
    "security vulnerability exploit attack breach",
};

} // namespace

std::size_t ConceptLexicon::Hash::operator()(std::string_view s) const noexcept
{
    std::size_t h = 1469598103934665603ULL;
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

const ConceptLexicon& ConceptLexicon::builtin()
{
    static const ConceptLexicon lexicon;
    return lexicon;
}

ConceptLexicon::ConceptLexicon()
{
    for (const char* pair : kLemmas) {
        const std::string_view text(pair);
        const auto space = text.find(' ');
        m_lemmas.emplace(std::string(text.substr(0, space)), std::string(text.substr(space + 1)));
        m_forms[std::string(text.substr(space + 1))].emplace_back(text.substr(0, space));
    }
    std::uint32_t id = 0;
    for (const char* group : kGroups) {
        std::string_view rest(group);
        while (!rest.empty()) {
            const auto space = rest.find(' ');
            const std::string_view word = rest.substr(0, space);
            rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
            if (word.empty())
                continue;
            auto& ids = m_concepts[PorterStemmer::stem(lemma(word))];
            if (std::find(ids.begin(), ids.end(), id) == ids.end())
                ids.push_back(id);
        }
        ++id;
    }
    m_groupCount = id;
}

std::string_view ConceptLexicon::lemma(std::string_view word) const
{
    const auto it = m_lemmas.find(word);
    return it == m_lemmas.end() ? word : std::string_view(it->second);
}

const std::vector<std::string>& ConceptLexicon::irregularForms(std::string_view lemma) const
{
    static const std::vector<std::string> none;
    const auto it = m_forms.find(lemma);
    return it == m_forms.end() ? none : it->second;
}

const std::vector<std::uint32_t>& ConceptLexicon::concepts(std::string_view stem) const
{
    static const std::vector<std::uint32_t> none;
    const auto it = m_concepts.find(stem);
    return it == m_concepts.end() ? none : it->second;
}

} // namespace memscope
