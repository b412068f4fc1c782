/**
 * Closed-class words of English news prose that the recognizers read context from. General English
 * and general vocabulary of reporting on armed groups; no names of people.
 */

const set = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** One-word titles, ranks and honorifics that belong inside a person's span (lower-case, dot kept). */
export const TITLES = set(`mr. mrs. ms. dr. col. capt. gen. lt. sgt. maj. adm. cmdr. cpl. pvt. sen. rep. gov. prof. rev. brig. amb. supt.
  mr mrs ms dr president sheikh shaykh sheik prophet imam mullah emir amir caliph king queen prince princess pope ayatollah general colonel
  captain major lieutenant sergeant admiral commander senator governor minister chancellor premier judge justice rabbi bishop father brother
  sister mother mufti maulana maulvi mawlawi hajji haji sultan sayyid ustad mawlana speaker`);

/** Nouns for a role that, right before a name, introduce a person ("analyst Aki Peritz"). */
export const ROLES = set(`spokesman spokeswoman spokesperson spokesmen analyst researcher leader leaders commander chief official officer
  fellow director author co-author editor reporter correspondent minister expert professor cleric preacher founder head deputy emir caliph
  figurehead ideologue militant fighter jihadist member envoy ambassador secretary president adviser advisor aide strategist scholar
  lecturer lawyer attorney prosecutor judge activist witness resident survivor photographer producer writer columnist journalist
  investigator inspector negotiator mediator mayor governor governor-general general colonel captain sergeant lieutenant admiral
  defector bomber suspect gunman detainee prisoner hostage student teacher doctor surgeon brother sister son daughter wife husband
  father mother cousin nephew uncle successor predecessor deputy-leader mufti imam sheikh representative chairman chairwoman
  coordinator manager operative recruiter propagandist narrator voice host anchor specialist`);

/** Role nouns an anonymous source is described by ("a U.S. official told reporters"). */
export const SOURCE_NOUNS = set(`official officials source sources spokesman spokeswoman spokesperson diplomat diplomats officer officers
  analyst analysts expert experts resident residents witness witnesses commander commanders aide aides lawmaker lawmakers activist
  activists researcher researchers investigator investigators person people member members fighter fighters observer observers`);

/** Verbs and verb forms that credit speech to their subject. */
export const SPEECH_VERBS = set(`say says said saying tell tells told telling warn warns warned warning urge urges urged urging claim claims
  claimed claiming vow vows vowed vowing argue argues argued arguing demand demands demanded demanding proclaim proclaims proclaimed
  proclaiming exhort exhorts exhorted exhorting add adds added adding state stated declare declares declared declaring insist insists
  insisted insisting explain explains explained explaining note noted noting ask asks asked asking spoke announce
  announces announced announcing stress stresses stressed stressing recall recalls recalled recalling acknowledge acknowledges acknowledged
  acknowledging tweet tweets tweeted tweeting threaten threatens threatened threatening boast boasts boasted boasting accuse accuses
  accused accusing praise praises praised praising denounce denounces denounced denouncing promise promises promised promising pledge
  pledges pledged pledging instruct instructs instructed instructing remind reminds reminded reminding reiterate reiterates reiterated
  reiterating admit admits admitted admitting confirm confirms confirmed confirming deny denies denied denying predict predicts predicted
  comment comments commented commenting remark remarks remarked replied replies reply responded mock mocks mocked mocking exclaim exclaimed
  lament laments lamented complain complains complained caution cautions cautioned cautioning order orders ordered ordering command
  commands commanded commanding beseech implore implored implores appeal appeals appealed appealing assert asserts asserted asserting
  maintain maintains maintained contend contends contended allege alleges alleged alleging suggest suggests suggested charge charges
  charged condemn condemns condemned condemning describe describes described describing answer answers answered answering
  testify testifies testified testifying concede concedes conceded conceding quip quips quipped confess confesses confessed confessing
  retort retorts retorted counter counters countered briefed briefs inform informs informed informing criticise criticises criticised
  criticising criticize criticizes criticized criticizing blamed blaming apologise apologises apologised apologising apologize apologizes
  apologized apologizing thanked thanking plead pleads pleaded pleading expresses expressed expressing voiced voicing`);

/** Forms of "write" that credit speech when what follows is what was written ("wrote that", "wrote on X that", "wrote to the Council"). */
export const WRITE_VERBS = set('write writes wrote writing');

/**
 * Verbs that credit speech only when they govern a quotation: "called the message “predictable”",
 * "dismissed it as “old”", "“…,” wrote X".
 */
export const QUOTE_VERBS = new Set([...WRITE_VERBS, ...set(`call calls called calling dub dubs dubbed dubbing brand brands branded branding term terms termed terming
  label labels labelled labeled labelling labeling dismiss dismisses dismissed dismissing hail hails hailed hailing`)]);

/** Forms of "address" that credit speech when they take an audience ("addressed the Council", "addressed reporters"). */
export const ADDRESS_VERBS = set('address addresses addressed addressing');

/** Audiences a speaker addresses, besides a body named in capitals. */
export const AUDIENCES = set(`reporters journalists crowd crowds rally rallies meeting meetings nation conference conferences summit
  assembly supporters followers parliament court jury delegates audience students troops congregation worshippers council`);

/** Verbs after which a speech word is their object, a noun ("rejected talk of a truce"), besides {@link QUOTE_VERBS}. */
export const OBJECT_VERBS = set('rejected rejecting brushed ruled welcomed mocked ignored avoided cut stopped halted');

/** Speech verbs that credit speech only with a following particle ("called on", "talks of"). */
export const PHRASAL_SPEECH: ReadonlyMap<string, Set<string>> = new Map([
  ['call', set('on upon for')],
  ['calls', set('on upon for')],
  ['called', set('on upon for')],
  ['calling', set('on upon for')],
  ['talk', set('of about')],
  ['talks', set('of about')],
  ['talked', set('of about')],
  ['talking', set('of about')],
  // "As one official put it, “…”", "a fisherman put it to me simply: “…”".
  ['put', set('it')],
  ['puts', set('it')],
]);

/** Verbs that make the recording they take as object the subject's speech ("issued an audio tape"). */
export const RECORDING_VERBS = set(`issue issues issued issuing release releases released releasing record records recorded recording
  publish publishes published publishing deliver delivers delivered delivering send sends sent sending broadcast broadcasts post posts
  posted posting narrate narrates narrated narrating give gives gave giving make makes made making`);

/** Nouns for a recording or statement; "the tape says" is speech by whoever the tape belongs to. */
export const RECORDING_NOUNS = set(`tape tapes recording recordings message messages audio video videos statement statements speech speeches
  sermon sermons address addresses broadcast broadcasts clip clips voice remarks lecture lectures interview interviews dispatch
  communique communiqué proclamation proclamations`);

/** Auxiliaries and adverbs that may sit between a subject and its verb. */
export const AUXILIARIES = set(`has have had is was were will would could should can may might must did does do also then later earlier
  once again still never not just now already reportedly clearly candidly previously recently repeatedly further publicly openly
  allegedly apparently quickly finally first again even too often frequently moreover however indeed simply only generally usually
  specifically explicitly reportedly purportedly directly immediately`);

/** Words that make a following "told"/"asked" passive ("he was told"). */
export const PASSIVE = set('was were been being is are be');

export const PRONOUNS_PERSON = set('he she');

/** Determiners that open a description ("the ISIS leader", "a U.S. official"). */
export const DEFINITE = set('the this that these those');
export const INDEFINITE = set('a an another one some two three several');

/** Capitalised words that start sentences or headlines but never begin a name. */
export const CAPITAL_STOPWORDS = set(`the a an this that these those in on at of for from to by with without as and or but if when while where
  after before since until during despite although though because so yet also even still then there here it its it's he she we they i you
  i'm i'd i'll i've i’m i’d i’ll i’ve we're we've we'll we’re we’ve we’ll you're you’re he's he’s she's she’s they're they’re let's let’s that's that’s
  his her their our my your who what which how why about above across against along among around behind below beneath beside between beyond
  inside into near off onto outside over through throughout toward towards under underneath unlike up upon via within no not yes all any
  whether unless whom whose both each every few many more most much some such other another one two three four five six seven eight nine ten first second third last
  next new old former late early latest many breaking file photo video image watch read more related editing reporting writing additional
  accessibility links news update updated live opinion analysis exclusive comment mr mrs ms dr us police officials residents witnesses
  authorities analysts experts sources militants fighters troops soldiers rebels critics observers activists locals villagers others
  everyone nobody someone people family relatives neighbours neighbors doctors`);

/** Head words of organisation names; a capitalised run containing one is an organisation. */
export const ORG_HEADS = set(`forces force army armies navy corps brigade brigades battalion battalions division militia militias front
  council party movement group groups organization organisation institute institution university college school academy center centre
  foundation association society agency agencies ministry ministries department office bureau commission committee union league alliance
  coalition command media network networks news agency press times post journal herald tribune gazette chronicle telegraph guardian
  review magazine radio television tv channel broadcasting corporation company inc ltd llc corp plc gmbh holdings bancorp bank fund trust service services watch
  international intelligence police guard guards court tribunal parliament assembly congress senate government administration authority
  authorities mission program programme project initiative operation
  operations network brotherhood board cabinet hospital airlines airways club team federation museum library mosque church
  cathedral temple embassy consulate prison jail emirate caliphate headquarters caucus directorate secretariat inspectorate exchange unit community`);

/** Arabic common nouns that head names of groups, places and events rather than people. */
export const ARABIC_ORG_HEADS = set(`jabhat jabhet jaish jaysh ahrar ansar harakat harakat hizb hezb hayat hayat katibat katiba liwa kataib
  saraya asaib jamaat jama'at majlis masjid dar bayt tanzim tahrir mu'assasat muassasat wilayat wilaya ghazwah ghazwat ghazwa surah sura
  markaz maktab idarat banu bani eid jund junud`);

/** Words after a capitalised name that make it a place; inside the span ("Anbar province", "Tishreen Dam"). */
export const PLACE_DESIGNATORS = set(`province provinces governorate governorates region district districts county state river rivers dam
  camp camps airfield airbase air-base base valley mountains mountain mount desert lake sea gulf bay strait island islands peninsula
  canal plain plains city town village neighborhood neighbourhood quarter square street road highway bridge border crossing oasis oilfield
  refinery airport port harbour harbor hills hill heights coast basin delta wadi gorge pass subdistrict prefecture municipality
  countryside sector corridor forest forests reserve park prison barracks`);

/** Designators that may be capitalised as part of an organisation's name; capitalised they count only after a place-like name. */
export const CAP_ORG_DESIGNATORS = set('province state');

/** Nouns in "the city of X" that announce a place name. */
export const PLACE_NOUNS = set(`city town village province region district governorate capital suburb neighborhood neighbourhood
  area state county island port camp`);

/** Prepositions that put a following capitalised name in a locative frame ("in Manbij"). */
export const LOCATIVE_PREPOSITIONS = set(`in at near from to into outside inside toward towards around across through via throughout
  within between of out`);

export const MONTHS = set('january february march april may june july august september october november december');
export const WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday');

/** Time zones, written after clock times ("1:32 p.m. EST"): neither places nor bodies. As written. */
export const TIME_ZONES = new Set(['EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT', 'GMT', 'UTC', 'BST', 'CET', 'CEST', 'EET', 'EEST', 'WAT', 'EAT', 'CAT', 'IST', 'PKT', 'AST', 'MSK', 'JST', 'AEST', 'AEDT']);

/**
 * Lower-case particles inside European names of persons and places, and of the persons sites are
 * named after ("de Vries", "van der Pas", "von Weizsäcker", "Charles de Gaulle airport", "Frankfurt am Main").
 */
export const EUROPEAN_PARTICLES = set('de der den des van von du da di del della dos das do la le ter ten zu sur am an');

/** Verbs of asking: their subject is the interviewer, their object the one who answers ("asked Okafor", "pressed the witness"). */
export const ASKING_VERBS = set('ask asks asked asking pressed questioned interviewed');

/** Letters written after a person's name for an honour, a degree or a seat ("Alison Morgan KC", "Omar Haddad MP"): part of no other name. */
export const POSTNOMINALS = new Set(['KC', 'QC', 'MP', 'MEP', 'MSP', 'PhD', 'OBE', 'MBE', 'CBE', 'KBE']);

/** Words of labels that name a part in the exchange, not a person ("QUESTION:", "MODERATOR:"). */
export const TURN_WORDS = new Set(['q', 'a', 'question', 'questions', 'answer', 'moderator', 'interviewer', 'host', 'narrator', 'operator', 'reporter', 'reporters',
  'voice', 'voices', 'unidentified', 'speaker', 'participant', 'audience', 'member', 'members', 'crosstalk', 'all', 'both', 'off', 'mic', 'camera', 'transcript', 'editor', 'note']);
