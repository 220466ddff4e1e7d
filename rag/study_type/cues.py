"""The words an abstract uses to say what kind of study it is (rag/study_type/text.py reads them; a title's words
are in title_cues.py)."""

from __future__ import annotations

import re

from ..number_words import NUMBER_WORDS as _NUMBER_WORDS

_I = re.I
_PHASE = r"phase[- ]?(?:I{1,3}V?|IV|[1-4])[ab]?(?:\s*/\s*(?:I{1,3}|[1-3])[ab]?)?"
# The paper itself: "this", "our", "the present" study; "we" did something; "here(in)".
_OWN = r"(?:\bthis\b|\bour\b|\bthe present\b|\bthe current\b|\bpresent\b|\bhere(?:in)?\b|\bwe\b)"
_DESIGN = r"(?:trial|study|analysis|report|series|cohort|investigation)"
# Words that name randomness without a randomised design: Mendelian randomisation (genetic epidemiology), a random
# sample or selection, random-effects models. They are blanked before the randomisation rules read a text.
_NOT_RANDOMISED = re.compile(r"\bmendelian randomi[sz]ation\b|\brandom(ly)? (selected|sampled|chosen|sample|"
                             r"samples|selection)\b|\brandom[- ]effects?\b|\brandom forests?\b|\bnon-?randomi[sz]ed\b|"
                             r"\bnot randomi[sz]ed\b|\bwithout randomi[sz]ation\b|"
                             # specimens, not people, put into groups at random: laboratory work
                             r"\b(teeth|molars|premolars|incisors|specimens|samples|discs|disks|blocks|bars|implants|"
                             r"plates|wells|flasks)\b[^.;]{0,40}\brandomly (divided|assigned|allocated|distributed|"
                             r"split)\b|"
                             r"\b(samples|specimens|sera|plasma|biopsies|cells|tissues?) (\w+ ){0,3}(from|of) "
                             r"(\w+ ){0,3}(patients|participants|subjects) (\w+ ){0,2}(in|of|from) (a|the) "
                             r"(\w+[- ]){0,3}randomi[sz]ed( \w+){0,3} trials?\b", _I)

# The abstract's own design.
# Survey of clinicians' views, an education programme, a framework proposed: not a study of patients ("other").
_OTHER_OWN = re.compile(r"\b(questionnaire|survey) (\w+ ){0,3}(sent|emailed|distributed|administered|given) to [\d,]+ "
                        r"(\w+ ){0,2}(physicians|doctors|oncologists|clinicians|nurses|pharmacists|surgeons|"
                        r"practitioners|radiologists|psychiatrists|dentists|midwives)\b|\bwe propose (a|an) (\w+ ){0,2}"
                        r"(framework|taxonomy|checklist|definition)\b|\bcurriculum\b|"
                        r"\b(surveyed|tested|questioned) [\d,]+ (\w+ ){0,3}"
                        r"(physicians|doctors|clinicians|nurses|pharmacists|surgeons|residents|trainees|medical "
                        r"students)\b[^.]{0,80}\b(knowledge|attitudes|views|perceptions|opinions|beliefs)\b|"
                        r"\b(questionnaire|survey) (\w+ ){0,4}(completed|answered|returned) by [\d,]+ (\w+ ){0,2}"
                        r"(physicians|doctors|oncologists|clinicians|nurses|pharmacists|surgeons|practitioners|"
                        r"radiologists|psychiatrists|dentists|midwives)\b|"
                        # Research on research: the subjects are publications, not people.
                        r"\b[\d,]+ ([\w-]+ ){0,3}(systematic reviews|trials|articles|publications|abstracts|protocols|"
                        r"papers|guidelines) ([\w-]+ ){0,3}(published|registered|indexed) (in|on|between|from)\b|"
                        r"\b(coded|extracted|"
                        r"assessed|rated) (the )?(\w+ ){0,2}(funding|sponsorship|conflicts? of interest|spin|reporting "
                        r"quality)\b|\b(legislation|policy documents|policies|laws|websites) of [\d,]+ (countries|"
                        r"states|provinces|hospitals|universities)\b|\bpriority[- ]setting partnership\b|"
                        r"\b(registry entries|registry records|registrations|protocols|publications|abstracts) of "
                        r"[\d,]+ (\w+ ){0,2}(trials|studies|systematic reviews)\b", _I)
# A paper that describes a tool it built (software, a database, an app): a methods paper, not a study of patients or a
# review, although it "describes".
_TOOL_OWN = re.compile(r"\b(describes?|present|presents|report|reports) the (design, )?(development|implementation)"
                       r"( and (\w+ ){0,2}(validation|evaluation|testing))? of (an?|the) (\w+[- ]){0,4}(software|"
                       r"package|database|web[- ]?(server|site|platform|application|tool)|app|application|toolkit|"
                       r"toolbox|platform|pipeline)\b|\bopen[- ]source (\w+ ){0,2}(software|package|tool|toolkit)\b|"
                       r"\bwe (present|describe|introduce) ([\w-]+,? )?(a |an |the )?(\w+[- ]){0,3}(software|R package|"
                       r"Python package|toolkit|web server)\b", _I)
# A model of costs or transmission built on published figures: not a study of patients.
_MODEL_OWN = re.compile(r"\bwe (used|built|developed|constructed) an? (\w+[- ]){0,3}(transmission|simulation|Markov|"
                        r"decision[- ]analytic|mathematical|compartmental|microsimulation|cost-effectiveness|"
                        r"health impact assessment|multi-?state|agent-based|system dynamics|forecasting|projection) "
                        r"model\b|\bcost-of-illness approach\b|"
                        r"\bwe (estimated|calculated|quantified|projected)\b[^.]{0,120}\b(years lived with disability|"
                        r"disability-adjusted life[- ]years?|DALYs)\b|\b\d+ countries and territories\b|"
                        r"\bquality-adjusted life[- ]years?\b|\bincremental cost\b", _I)
_META_OWN = re.compile(r"\b(we|this|our|present|current)\b[^.]{0,80}\bmeta-?analys[ie]s|\bmeta-?analys[ie]s\b[^.]{0,40}"
                       r"\b(was|were) (performed|conducted|carried out)|\b(random|fixed)[- ]effects? (meta-?analys|"
                       r"models?)|\bpooled (hazard|odds|risk) ratio|\bpooled (HR|OR|RR)\b|\bmeta-?analysis software\b|"
                       r"\b(combined|pooled|synthesi[sz]ed) (\w+ ){0,2}(using|with|by) (a )?(random|fixed|bivariate)|"
                       r"\bpooled (estimates?|prevalence|incidence|relative risks?|RRs?|HRs?|ORs?|sensitivity|"
                       r"specificity|mean difference|standardi[sz]ed mean difference)\b|\bnetwork meta-?analys|"
                       r"\b(a|this) meta-?analys[ie]s (of|pooled|showed|included)\b", _I)
_META = re.compile(r"\bmeta-?analys[ie]s\b|\bmeta-?analytic|\bnetwork meta", _I)
# Genetic epidemiology's own design (observational); the meta-analyses of genome-wide association studies it takes its
# summary statistics from are a data source, not its design.
_MENDELIAN_OWN = re.compile(r"\b(we|this|our|the present)\b[^.]{0,80}\bmendelian randomi[sz]ation\b|"
                            r"\b(two-sample|bidirectional|multivariable) mendelian randomi[sz]ation\b", _I)
_META_AS_SOURCE = re.compile(r"\b(from|of|in) (a|the) (\w+[- ]){0,3}meta-?analys[ie]s of (\w+[- ]){0,3}"
                             r"(genome-wide association|GWAS)", _I)
# A review that says it is not systematic ("Narrative review of the literature", Expert Review's "Areas covered:").
_NARRATIVE = re.compile(r"\bnarrative (literature )?review\b|\bnon-?systematic\b|\bAreas covered\s*:", _I)
# The marks of a systematic review beyond a search: selection criteria, PRISMA, independent reviewers, a count of
# studies included, "systematic" itself.
_SYSTEMATIC_STRICT = re.compile(r"\bsystematic(ally)?\b|\bPRISMA\b|\b(inclusion|exclusion|eligibility|selection) "
                                r"criteria\b|\beligible (studies|trials|articles)\b|\btwo (reviewers|authors|"
                                r"investigators) independently\b|\bincluded \d+ (studies|trials|articles|"
                                r"publications)\b|\b\d+ (studies|trials|articles) (were|met|fulfilled)\b|"
                                r"\bmeta-?analys", _I)
# A search described (a narrative review also says "we systematically review").
_SYSTEMATIC = re.compile(r"\bsystematic(ally)? (literature |electronic )?(search|searched)|\bPRISMA\b|"
                         r"\b(electronic|comprehensive|systematic) (literature |database )?search\b|"
                         r"\b(searched|search of|searches of) (the )?((\w+ ){0,2}|([\w-]+, ){1,5})"
                         r"(PubMed|MEDLINE|Embase|Cochrane|"
                         r"Web of Science|"
                         r"Scopus|databases)|\b(the )?included \d+ (studies|trials|articles|publications)\b|"
                         r"\b(databases|MEDLINE|PubMed|Embase) (\w+ ){0,3}(were|was) searched\b|"
                         r"\b(systematic review|systematic search) of the (literature|evidence)\b|"
                         r"\btwo (reviewers|authors|investigators) independently\b|\bAMSTAR\b|\bQUADAS\b|"
                         r"\b(identified|retrieved|found) (in|from|through|by searching) (\w+ ){0,2}(PubMed|MEDLINE|"
                         r"Embase|Cochrane|Web of Science|Scopus|PsycINFO)\b|\bDATA SOURCES\b|"
                         r"\bSearch (methods|strategy)\s*:|\bSelection criteria\s*:|\bEligibility criteria\s*:", _I)
_GUIDELINE = re.compile(r"\b(practice )?guidelines?\b|\bconsensus (statement|guideline|recommendation|conference|"
                        r"panel|meeting)s?\b|\bexpert (consensus|panel)\b|\brecommendations (for|on)\b|\bposition "
                        r"(paper|statement)\b", _I)
_GUIDELINE_OWN = re.compile(rf"{_OWN}[^.]{{0,60}}\b(guidelines?|consensus|recommendations)\b|\b(panel|committee|"
                            r"task force|working group|expert group) (\w+ ){0,3}(developed|reviewed|convened|"
                            r"made|issued|"
                            r"provides?|formulated|generated|updated|recommends?|voted|agreed)\b|"
                            r"\bselection from the\b[^.]{0,40}\bguidelines\b|"
                            r"\b(these|the) (guidelines?|recommendations) (\w+ ){0,2}(provide|address|are|were|"
                            r"focus|cover)|\b(this|the) (position statement|consensus (statement|document)|"
                            r"document|statement)\b[^.]{0,40}\b(provides?|presents?|gives|summari[sz]es) "
                            r"(\w+ ){0,2}(guidance|recommendations|advice)|"
                            r"\bDelphi (process|rounds?|method|survey|approach)\b[^.]{0,80}\b(consensus|agree)|"
                            r"\b(summari[sz]es|presents) the \d+ recommendations\b|\bRecommendations?:", _I)
# Randomisation anywhere in the text (refines a PubMed "phase III" tag).
_RANDOMISED = re.compile(r"\b(were|was|are|be|been) randomi[sz]ed\b|\brandomly (assigned|allocated)\b|"
                         r"\brandomi[sz]ed,? (\w+[- ,]+){0,5}(phase|trial|study)\b|"
                         r"\brandomi[sz]ed (in a|at a|\(?\d:\d)|"
                         r"\brandomi[sz]ation\b|\bplacebo-controlled\b|\b\d:\d randomi", _I)
_RANDOMISED_OWN = re.compile(
    rf"{_OWN}[^.;]{{0,80}}?\brandomi[sz]ed\b(?!\s+(\w+[- ]){{0,3}}(trials|studies)\b)|"
    r"\brandomi[sz]ed\b[^.;]{0,100}\bwe (assigned|enrolled|conducted|did|performed|randomly|recruited|compared)\b|"
    r"\b(resulted in|led to|improved|prolonged|longer|shorter|better)\b[^.;]{0,80}\b(than|versus|vs\.?|"
    r"compared (with|to)) (the )?(control (therapy|treatment|group|arm)|placebo)\b|"
    r"\b(were|was|being|had been|have been) (randomly |individually )?randomi[sz]ed\b|"
    r"\b(had|have) been randomly (assigned|allocated)\b|"
    r"\b[A-Z][\w-]*[A-Z][\w-]* randomi[sz]ed [\d,]+ (patients|participants|adults|children|women|men|infants)\b|"
    r"\bpermuted[- ]blocks?\b|"
    r"\b(were|was) randomly (assigned|allocated)\b|\bwe randomly\b|\brandomly (assigned|allocated) (\(?\d|patients|"
    r"participants)\b|\brandomi[sz]ed (\(?\d:\d|in a \d)|\b\d:\d randomi|"
    r"\brandomly allocated\b|\ballocated at random\b|\ballocated (\w+ ){0,3}(by|using|with) (a )?(computer|web|"
    r"central|sealed|block)|\bconcealed allocation\b|\bin random order\b|\brandomi[sz]ation (list|sequence|"
    r"schedule|system)\b|\bcentral(i[sz]ed)? randomi[sz]ation\b|"
    r"\b(assigned|allocated) in a \d:\d ratio\b|\b(assigned|allocated) by (\w+[- ]){0,2}randomi[sz]ation\b|"
    r"\brandomi[sz]ation (was )?stratified\b|\bin (a|this|the) (\w+[ ,-]+){0,3}randomi[sz]ed\b|"
    r"\b(individually|cluster) randomi[sz]ed\b|\bstepped[- ]wedge\b|\brandomly (divided|distributed|split)\b|"
    r"\bsealed (opaque )?envelopes\b|\bcomputer-generated (\w+ ){0,2}(sequence|list|schedule)\b|"
    r"\ballocation sequence\b|\bminimi[sz]ation\b|"
    r"\bdouble-blind\b[^.;]{0,80}\b(placebo|sham)\b(?![^.;]{0,30}\b(trials|studies)\b)|"
    rf"{_OWN}[^.;]{{0,60}}\b(placebo-controlled|double-blind|sham-controlled)\b|\bintention[- ]to[- ]treat\b|"
    r"^[^.]{0,40}\b(double-blind|placebo-controlled)\b[^.]{0,40}\btrial\b", _I)
# Patients assigned to one of two arms, in a text that calls itself a trial (checked apart).
_ASSIGNED_ARMS = re.compile(r"\b(were|was) assigned (\(?\d:\d\)? )?to\b[^.;]{0,150}\b(or|versus|vs\.?)\b", _I)
# A review about trials says "randomized controlled trials" in the plural or "of randomized trials".
_RANDOMISED_OF_OTHERS = re.compile(r"\b(of|from|in|include[sd]?|including|across|several|\d+) (\w+ ){0,2}randomi[sz]ed "
                                   r"(controlled )?(clinical )?trials\b", _I)
# A later analysis of a randomised trial (post hoc, secondary, exploratory, updated): labelled as the trial.
_TRIAL_ANALYSIS = re.compile(r"\b(post[- ]hoc|secondary|exploratory|prespecified|pre-specified|updated|final|"
                             r"long-term|extended)\b[^.;]{0,40}\b(analysis|follow-up|results)\b", _I)
# A trial's participants analysed as one cohort whatever their arm ("adjusting for treatment assignment"): an
# observational analysis of a trial's data, not the trial's comparison.
_ARMS_POOLED = re.compile(r"\b(adjust(ed|ing)? for|irrespective of|regardless of|independent(ly)? of|controlling for) "
                          r"(the )?(treatment|randomi[sz]ation|randomi[sz]ed|study|trial|allocation) (arm|assignment|"
                          r"allocation|group)s?\b|\b(in|across) the whole (trial )?cohort\b|\b(both|all|the two) "
                          r"(trial |treatment |study )?(arms|groups) (were )?(combined|pooled)\b", _I)
_PROTOCOL_OWN = re.compile(r"\b(this|the|our) (\w+[ ,-]+){0,5}(trial|study) will\b|\bwill be (randomi[sz]ed|"
                           r"randomly (assigned|allocated)|allocated|recruited|enrolled)\b|\bwe will (randomi[sz]e|"
                           r"recruit|enrol|enroll|allocate)\b|\bwill randomi[sz]e\b|\b(methods and analysis|ethics and "
                           r"dissemination|trial registration)\b|\bstatistical analysis plan\b|"
                           r"\bthis (paper|article) describes the (design|protocol)\b|"
                           r"\bwe describe the (trial |study )?(design|protocol)\b", _I)
# A case report of a family's few members ("We report dizygotic twins"): "twins" is no twin study here.
_CASE_FAMILY = re.compile(r"\bwe (report|describe|present) (\w+ ){0,2}(twins|siblings|brothers|sisters)\b", _I)
_CASE_OWN = re.compile(r"\bwe (report|describe|present|discuss)( here)? (on )?(a|an|the case of an?|the first|one|two|"
                       r"three|four)\b"
                       r"(\s+[\w,-]+){0,6}?\s+(cases?|patient|patients|man|woman|boy|girl|child|male|female|infant|"
                       r"newborn|neonate|toddler|adolescent|"
                       r"siblings|brothers|sisters|members|family)\b|"
                       r"\b\d{1,3}[- ](year|month|week|day)[- ]old\b|"
                       r"\b(in|by) (our|this) (present )?(report|case)\b|\bcase (report|presentation)\b|\ba case of\b|"
                       r"\bwe (report|describe|present) (a|the) (rare|unique|first|novel|unusual)\b|"
                       r"\bthis (report|case) (describes|illustrates|highlights)\b|"
                       r"\b(this|our) patient\b|\ball (two|three|four) patients\b|"
                       r"\b(an?|one) ((young|elderly|older|middle-aged|previously healthy|pregnant) )?(\w+ )?"
                       r"(man|woman|boy|girl|patient|infant|child|neonate|newborn) ([^.;,]{0,50} )?(presented|was "
                       r"admitted|was referred|developed|complained)\b", _I)
_TRIAL_OWN = re.compile(
    rf"{_OWN}[^.;]{{0,60}}\b({_PHASE}|single[- ](arm|group)|open[- ]label|pilot|feasibility|dose[- ](escalation|"
    rf"expansion|finding)|first[- ]in[- ]human|prospective|interventional|multicent(er|re)|clinical)\b[^.;]{{0,60}}\b"
    rf"(trial|study)\b|"
    rf"\bwe (conducted|performed|report|present|did|undertook|initiated|designed|carried out|assessed|evaluated|"
    rf"investigated|tested)\b[^.;]{{0,150}}\b({_PHASE}|single[- ]arm|open[- ]label|pilot|trial)\b|"
    r"\b(this|our|the present) (\w+[ ,-]+){0,4}trial\b|\b(this|our|the present) study (evaluated|assessed|investigated|"
    r"examined|tested) the (safety|efficacy|feasibility|tolerability|activity)\b|"
    rf"\b(enrolled|accrued|entered) (in|into|onto) (this|the|our|a) (\w+[ ,-]+){{0,4}}({_PHASE}|trial)\b|"
    rf"\b(this|our|the present|the first) ({_DESIGN}) to (evaluate|assess|test|investigate)\b|"
    rf"\bwe (treated|vaccinated|infused|administered|gave)\b[^.;]{{0,40}}\b(\d+|{_NUMBER_WORDS}) (patients|"
    r"participants|subjects|adults|children|women|men|infants|volunteers)\b|\bmaximum tolerated dose\b|"
    r"\bdose-limiting toxicit|\b(recommended phase 2|phase II "
    r"recommended) dose\b|"
    # ("51 patients and 28 healthy controls were enrolled": a comparison of patients with controls, not a trial)
    r"\b(patients|participants|subjects) ((?!(healthy )?controls\b)\w+ ){0,3}(were|was) (enrolled|accrued|treated|"
    r"vaccinated|infused|given)\b|"
    r"\b(patients|participants) (enrolled|received)\b|\bthe patients were treated\b|\bwe (enrolled|accrued)\b|"
    r"\b(escalating|increasing) doses\b|\bexpansion cohorts?\b|\b(an|the|our) institutional protocol\b|"
    r"\bprospectively (enrolled|treated|evaluated|assessed)\b[^.;]{0,60}\b(received|underwent|treated|"
    r"administered|intervention)|"
    rf"\b(\d+|{_NUMBER_WORDS}) (\w+ ){{0,4}}(patients|participants|adults|children|adolescents|women|men|volunteers|"
    r"recipients)\b[^.;]{0,120}\b(received|underwent|took|performed|completed|attended|"
    r"were given|were treated with|self-administered|took part in|followed a|were converted|were paired with|"
    r"were offered|were provided with|were fitted with)\b[^.;]{0,80}\b(mg|doses?|daily|weekly|sessions?|programme|"
    r"program|education|counsel+ing|training|coaching|consultations?|injection|infusion|diet|treatment|therapy|"
    r"intervention|stimulation|vaccine|formulation|fractions|Gy|radiotherapy|surgery|procedure|navigat\w*|"
    r"reminders|messages|visits|months|weeks)\b|"
    rf"\b(\d+|{_NUMBER_WORDS}) (\w+ ){{0,4}}(people|persons|individuals)\b[^.;]{{0,80}}\b(were paired with|"
    r"were offered|were provided with|were fitted with|took part in)\b", _I)
# Design words alone, in a titled abstract: its own design unless they name other studies ("single-arm studies").
_TRIAL_BARE = re.compile(r"\b(single[- ](arm|group)|open[- ]label|dose[- ]escalation|non-?randomi[sz]ed|quasi[- ]"
                         r"experimental|window[- ]of[- ]opportunity|expanded access|"
                         r"(before[- ]and[- ]after|pre-?post) (the )?(study|design|comparison|evaluation|analysis|"
                         r"trial|intervention|programme|program|training|course|implementation)|"
                         r"3 ?\+ ?3)\b(?![^.;]{0,40}\b(trials|studies)\b)", _I)
_OBSERVATIONAL_OWN = re.compile(
    rf"{_OWN}[^.;]{{0,60}}\b(retrospective(ly)?|case[- ]control|cross[- ]sectional|population-based|registry|"
    r"real[- ](world|life)|observational|database|chart review|pharmacovigilance|consecutive|cohort study)\b|"
    r"\bretrospective(ly)? (\w+ ){0,2}(analy[sz]ed|reviewed|collected|studied|identified|evaluated|analysis|review|"
    r"study|cohort|data)\b|\b(data|records|charts) (\w+ ){0,2}(were|was) (collected|reviewed|extracted|retrieved|"
    r"obtained|analy[sz]ed)\b|\bconsecutive (series|patients)\b|\b(FAERS|VigiBase|SEER|EudraVigilance)\b|"
    r"\bwe (\w+ ){0,1}(analy[sz]ed|reviewed|identified|collected|compared|estimated|measured|interviewed|surveyed|"
    r"studied|examined|related|calculated|followed)\b[^.;]{0,80}\b(patients|cases|participants|residents|adults|children|"
    r"women|men|people|persons|infants|girls|boys|adolescents|students|mothers|donors|workers|veterans|neonates|"
    r"subjects|individuals|records|data)\b|\b(this|the present) study (estimated|compared|examined|analy[sz]ed)\b|"
    r"\bwere (included|identified) (in|from) (this|the|our)\b|\bmatched controls\b|\bpropensity[- ]score\b|"
    r"\bprospective(ly)? (collected|followed|cohort|observational)\b|\bindirect (treatment )?comparisons?\b|"
    r"\bmatching-adjusted\b|\bsurvey\b[^.]{0,40}\b(respon|participants|oncologists|physicians)|"
    r"\bmendelian randomi[sz]ation\b|\binstrumental variables?\b|\bgenome-wide association (study|analysis)\b|"
    r"\b(emulated|emulate|emulating) a target trial\b|\btarget trial emulation\b|\btest-negative\b|"
    r"\bcase-control\b|\bcross-sectional\b(?! area)|\b(disproportionality|seroprevalence)\b|\breporting odds ratios?\b|"
    r"\b(we|were) (queried|linked)\b|\b(cancer )?registration data\b|\badministrative (health )?data\b|"
    r"\b(insurance|claims|registry|register|surveillance) data\b|\b(follows|followed) a cohort\b|"
    r"\ba cohort of [\d,]+\b|\busing (\w+ ){0,3}data (from|on|of)\b|"
    r"\b(were|was|we) interviewed\b|\b(semi-?structured|in-depth|qualitative) interviews\b|\bfocus groups? "
    r"(were|was) (held|conducted)\b|\binterrupted time[- ]series\b|\bdifference-in-differences?\b|"
    r"\bregression discontinuity\b|\b(internal consistency|test-retest reliability|factor structure|"
    r"confirmatory factor analysis|criterion validity|construct validity|psychometric properties)\b|"
    r"\bwe used (\w+ ){0,3}data (from|on|of|to (estimate|examine|assess|describe|compare|calculate))\b|"
    r"\bspatial scan statistic\b|\bhot ?spot analysis\b|"
    r"\bgeocoded\b|\bverbal autops(y|ies)\b|\bsegmented regression\b|\bjoinpoint\b|"
    r"\b(assessments|records|data) (of|on|from) [\d,.]+ (million )?(residents|patients|people|adults|children|"
    r"persons|individuals|women|men)\b|\b(inter|intra)-?(observer|rater)\b|"
    r"\b(Cohen's|Fleiss'?) kappa\b|"
    r"\bkappa (statistics?|coefficients?|values?)\b|"
    r"\b(among|of) (all )?[\d,]+ (\w+ ){0,3}(patients|adults|children|women|men|participants|individuals|persons|"
    r"infants|people) (undergoing|who underwent|treated|admitted|diagnosed|hospitali[sz]ed|presenting|aged|born|"
    r"living|attending)\b|"
    r"\bprospectively (assessed|recorded|collected|enrolled|followed|included|"
    r"studied|registered)\b|\b(we )?(examined|assessed|investigated|evaluated|estimated|quantified|analy[sz]ed|"
    r"examine|assess|investigate|evaluate|estimate|quantify|analy[sz]e) "
    r"(the )?associations? (between|of)\b|\bwe (extracted|abstracted|retrieved|obtained) (the )?(data|information)\b|"
    r"\bwe analy[sz]ed (data (from|on) )?[\d,.]+ (million )?(men|women|adults|children|participants|individuals|people|"
    r"persons|residents|infants|patients)\b", _I)
# Words of an observational study that a review may also use ("this cohort of patients", "registries"): they count
# only beside the abstract's own methods.
_OBSERVATIONAL_WEAK = re.compile(
    r"\b(cohorts?|registry|registries|register|registers|databases?|claims|electronic health records?|medical records|"
    r"questionnaires?|survey|UK Biobank|NHANES|biobank)\b|\bnested\b|"
    r"\b(were|was) followed (up )?(for|to|until|every)\b|\bfollowed (them )?(for|prospectively)\b|"
    r"\bCox (proportional[- ]hazards? )?(regression|models?)\b|\blogistic regression\b|\bincidence rates?\b|"
    r"\breference standard\b|\bsensitivity and specificity\b|\bBland-Altman\b|\bdiagnostic accuracy\b|"
    r"\b(determinants|predictors|correlates)\b|"
    r"\bwore (a|an) \b|\b(enrolled|recruited) prospectively\b|\bregression models?\b|"
    r"\bfollowed (\w+ ){0,2}(biennially|annually|yearly)\b|"
    r"\bprediction model\b|\bC statistic\b|\bKaplan-Meier\b|\bsibling\b|\btwins\b|"
    r"\b(linear|Poisson|multivariable|multivariate|negative binomial) regression\b|"
    r"\bassociations? (\w+ ){0,6}(were|was) (estimated|examined|assessed|analy[sz]ed|evaluated)\b|"
    r"\b(delivered|treated|admitted|seen|managed|diagnosed|operated on|identified) (at|in) (a|our|one|two|three|four|"
    r"\d+) (single |tertiary |academic |university )?(institution|centre|center|hospital|hospitals|centres|centers|"
    r"institutions)\b|\bbetween (19|20)\d\d and (19|20)\d\d\b", _I)
_REVIEW_OWN = re.compile(r"\b(this|the present|our|current) (\w+ ){0,2}(mini-?)?(review|overview|chapter)\b|"
                         r"\b(this|the present|our) (article|paper|chapter)\b[^.]{0,60}\b(summari[sz]|discuss|describ|"
                         r"highlight|focus|provid|outlin|explor|examin|address|review)|"
                         r"\bin this (mini-?|narrative )?(review|overview|perspective|chapter)\b|"
                         r"\bin this (article|paper),? we (review|summari[sz]e|"
                         r"discuss|highlight|outline|provide an overview|describe the (current|recent))\b|"
                         r"\bwe (then |also |further |first |here |briefly )?(review|summari[sz]e|"
                         r"discuss|highlight|outline|provide an overview|provide a (brief|comprehensive|concise)|"
                         r"describe the (current|recent))\b|"
                         r"\b(here(in)?|below),? we (review|summari[sz]e|discuss|highlight|outline|provide an "
                         r"overview)\b|\breview (of|on) (the )?(recent|current|latest)\b|"
                         r"\bthe purpose (of this \w+ )?is to (review|summari[sz]e|discuss)\b|"
                         r"\bwe have (reviewed|summari[sz]ed)\b|\bwill (be )?(review|discuss|"
                         r"summari[sz]|emphasi[sz]e)|\bis reviewed\b|\bare reviewed\b|\bare discussed\b|"
                         r"\bis discussed\b|\bare (summari[sz]ed|outlined|highlighted|described)\.|"
                         r"\b(this|the) (narrative|mini-?) ?review\b|\bthis primer\b", _I)
_OPINION_OWN = re.compile(r"\b(this|the present|our) (commentary|editorial|viewpoint|perspective piece|letter)\b|"
                          r"\bin this (editorial|commentary|viewpoint|letter)\b|\b(we|I) (argue|contend)\b|"
                          r"\bwe (read|have read) with (great )?interest\b|\bwe thank the (correspondents|authors|"
                          r"editor)\b|\bthis meeting report\b|\bthe (accompanying|current issue)\b|"
                          r"\bwe (remember|mourn|celebrate)\b|^\s*To the Editor\b|\bin (our|my) (view|opinion)\b|"
                          r"\bwe believe that\b|"
                          r"\bis no longer acceptable\b|\bin this issue\b|"
                          r"\bshould (enforce|embrace|temper|replace|be abandoned)\b", _I)
_ANIMAL = re.compile(r"\b(mice|mouse|murine|rats|rodents?|xenografts?|syngeneic|non-?human primates?|"
                     r"macaques?|monkeys?|canine|dogs|beagles?|zebrafish|tumou?r-bearing|C57BL|BALB/c|NOD/SCID|NSG|"
                     r"Sprague-Dawley|Wistar|rabbits?|pigs|piglets|porcine|sheep|ovine|Drosophila|C\. elegans|"
                     r"pups|orthotopic|hamsters?|ferrets?|guinea pigs|gerbils|chickens|cattle|cats|feline|cows|calves|"
                     r"horses|donkeys|goats|poultry|broilers|hens|deer|cervids|elk|marmosets|camels|"
                     r"(caecal|cecal) ligation|"
                     r"Morris water maze|open[- ]field test|(oral )?gavage|chow|necropsy)\b|\brat\b(?! sarcoma)|"
                     r"-/- mice|\bNOD mice\b|\b(the |treated |control |naive |tumou?r-bearing )animals\b", _I)
_IN_VITRO = re.compile(r"\bin vitro\b|\bcell lines?\b|\bcultured\b|\bco-?culture|\borganoids?\b|\bex vivo\b|"
                       r"\bTCGA\b|\bbioinformatic|\bsingle-cell RNA|\btranscriptom|\bGEO (database|datasets?)\b|"
                       r"\bin silico\b|\bmolecular docking\b|\bimmunohistochemi|\bflow cytometr|\bwestern blot|"
                       r"\bCancer Genome Atlas\b|\bcryo-?EM\b|\bcryo-electron\b|\bcrystal structures?\b|"
                       r"\bmolecular dynamics\b|\bCRISPR\b|\binduced pluripotent\b|\biPSCs?\b|\bisolates\b|"
                       r"\bminimum inhibitory\b|\bbiofilm|\bPBMCs?\b|\bmass cytometry\b|\btissue microarrays?\b|"
                       r"\bHEK293|\bHeLa\b|\byeast\b|\bpatch[- ]clamp\b|\bimmunoblot|\bGene Expression Omnibus\b|"
                       r"\bmicroarray|\bGSE\d+|\bcadaver|\bcell-free DNA\b|\bcfDNA\b|\bfragmentomic", _I)
# Laboratory work on cells or samples.
_LAB = re.compile(r"\b(stimulated|co-?culture[sd]?|cultured|purified|transfect(ed|ion)|knock(ed)?[- ]?down|"
                  r"silenc(ed|ing)|"
                  r"western blot|immunoblot\w*|ELISA|flow cytometry|qPCR|RT-PCR|immunohistochemi\w*|immunofluorescence|"
                  r"cell lines?|in vitro|ex vivo|organoids?|sequencing|RNA-seq|TCGA|GEO|GTEx|CRISPR(-Cas9)?|MTT|CCK-8|"
                  r"patch[- ]clamp|molecular docking|molecular dynamics|cryo-?EM|cryo-electron microscopy|crystal "
                  r"structures?|isolates|minimum inhibitory concentrations?|broth microdilution|biofilms?|PBMCs?|"
                  r"mass cytometry|tissue microarrays?|confocal microscopy|electron microscopy|annexin V|"
                  r"phosphoproteomics|proteomics|iPSCs?|induced pluripotent stem cells|HEK293|yeast two-hybrid|"
                  r"co-immunoprecipitation|hydrogel|bioprinted|CIBERSORT|LASSO|differentially expressed|"
                  r"binding free[- ]energy|"
                  r"cells were (treated|exposed|incubated|stimulated|stained|sorted|lysed|fixed|counted)|"
                  r"pseudovirus(es)?|"
                  r"neutrali[sz]ation assays?|neutrali[sz]ing antibody titres|sera from|16S rRNA|"
                  r"Gene Expression Omnibus|microarrays?|GSE\d+|hub genes|co-expression|seeded|scaffolds?|"
                  r"knockdown|overexpression|colony formation|mechanistically|cadaver(ic)?|cadavers|thermocycl(ing|ed)|"
                  r"flexural strength|(three|3)-point bending|(shear |tensile |micro-?tensile )?bond strength|"
                  r"microhardness|surface roughness|universal testing machine|fracture (resistance|toughness)|"
                  r"specimens were (prepared|fabricated|subjected|divided)|inoculated|log(10)? reductions?|"
                  r"colony[- ]forming units|extracted (human )?(\w+ )?(teeth|molars|premolars|incisors)|micro-?CT|"
                  r"thermal cycl(ing|es)|stereomicroscope|dye penetration|microleakage|"
                  r"micro-computed tomography|(archived|stored|banked|residual|frozen) (\w+ )?(specimens|samples)|"
                  r"multiplex (PCR|panel|assay)s?|percent agreement|public(ly available)? (\w+ )?datasets?|"
                  r"(CHO|COS-?7|HEK-?293T?|Vero( E6)?|HepG2|Huh-?7|Caco-2|MCF-?7|A549|THP-1|Jurkat|U2OS|MG-63) cells|"
                  r"large language models?|F1[- ]scores?|immunoinformatic\w*|epitope prediction|chewing simulat\w*|"
                  r"laser scanner|spectrophotomet\w*|Vickers|"
                  r"(crowns|specimens|discs|sensors|teeth|implants) were (subjected|immersed|exposed|stored|aged)|"
                  r"artificial(ly)? (ageing|aging|aged|saliva)|immortali[sz]ed|colony counts?|adhesion assays?|"
                  r"simulated (gastric|intestinal) fluid|(fresh|fresh-frozen|frozen|harvested) (bovine|porcine|ovine|"
                  r"pig|sheep|cow|chicken) \w+|synthetic bone|polyurethane (foam|blocks)|(were|was) isolated from|"
                  r"(were |was )?differentiated into|killing assays?|reactive oxygen species|in culture|"
                  r"primary (human |murine |mouse |rat )?(hepatocytes|keratinocytes|fibroblasts|chondrocytes|"
                  r"osteoblasts|neurons|astrocytes|cardiomyocytes|myoblasts|adipocytes|preadipocytes|cultures)|"
                  r"spiked (with|into)|cross-reactivity|plaque assays?|(infectious|viral|virus) titres|"
                  r"hydrodistillation|gas chromatography|GC-MS|disc diffusion|disk diffusion|agar (well )?diffusion|"
                  r"microdilution|cell viability|"
                  r"(archival|archived|formalin-fixed|paraffin-embedded|FFPE) (\w+ )?(tissues?|"
                  r"specimens|samples|blocks|sections)|(was|were) stained (for|with))\b", _I)
# Results a study reports of its own: percentages, p values, counts of patients or samples, hazard ratios.
_OWN_RESULTS = re.compile(r"\d+(\.\d+)? ?%|\bp ?[<=>] ?0?\.\d|\b(n|N) ?= ?\d|\b\d+ (patients|participants|subjects|"
                          r"samples|cases|mice)\b|\b(HR|OR|RR)\b ?[=,:]? ?\d|\b95% CI\b|\bwe (found|observed|show|"
                          r"demonstrate|identified|observe|observed|report|developed|generated|established|"
                          r"demonstrated|showed)\b|"
                          r"\b(RESULTS|Results):", _I)
# Results that a protocol cannot have (it may give its planned sample size or power).
_PROTOCOL_RESULTS = re.compile(r"\bp ?[<=>] ?0?\.\d|\b95% CI\b|\b(HR|OR|RR)\b ?[=,:]? ?\d|\bwe (found|observed|show|"
                               r"demonstrate|showed|demonstrated)\b|\b(RESULTS|Results):", _I)
# The same without bare percentages, which a review quotes too ("mutated in ~40% of cases").
_OWN_FINDINGS = re.compile(_OWN_RESULTS.pattern.replace(r"\d+(\.\d+)? ?%|", "", 1), _I)
# The language of a study's own methods: what was measured, compared or assessed, in whom.
_OWN_METHODS = re.compile(r"\b(were|was) (measured|assessed|compared|recorded|quantified|analy[sz]ed|evaluated|"
                          r"determined|collected|calculated|estimated|monitored|obtained|scored|tested|performed|"
                          r"validated|adjusted|"
                          r"treated|exposed|implanted|injected|fed|randomi[sz]ed|followed)\b|\b(primary|secondary) "
                          r"(outcome|end ?point)s?\b|\b(METHODS?|Methods?|DESIGN|Design|OBJECTIVES?|Objectives?|"
                          r"PURPOSE|Purpose|AIMS?|Aims?|Materials and methods|PATIENTS AND METHODS|Patients and "
                          r"Methods|Experimental Design|EXPERIMENTAL DESIGN)\s*:|\b(the (aim|purpose|objective) of "
                          r"(this|the present|our) (study|work|analysis) was to|(we|this study) aimed to)\b|"
                          r"(^|[.:] )To (assess|determine|evaluate|estimate|examine|compare|investigate|test|describe|"
                          r"quantify) (the |whether |if )|"
                          rf"\b(\d[\d,]*|{_NUMBER_WORDS}) (\w+ ){{0,3}}(adults|children|women|men|participants|"
                          r"patients|subjects|individuals|isolates|samples|specimens|mice|rats|animals|dogs|pigs|"
                          r"volunteers|infants|employees|respondents)\b", _I)
# What a study did, said in the past tense: "we profiled", "datasets were downloaded", "cells were seeded". A
# review says what it discusses in the present tense ("we discuss", "we summarise"), caught before this is read.
_RESEARCH_VERBS = (r"(downloaded|seeded|constructed|profiled|sequenced|isolated|cultured|incubated|transfected|"
                   r"harvested|stained|implanted|injected|immuni[sz]ed|challenged|sacrificed|euthani[sz]ed|produced|"
                   r"synthesi[sz]ed|fabricated|characteri[sz]ed|screened|enrolled|recruited|interviewed|surveyed|"
                   r"genotyped|imaged|scanned|randomi[sz]ed|allocated|assigned|matched|extracted|retrieved|trained|"
                   r"measured|quantified|assessed|recorded|compared|analy[sz]ed|collected|tested|modelled|modeled|"
                   r"calculated|estimated|evaluated|examined|investigated|determined|followed|treated|exposed|"
                   r"administered|obtained|performed|conducted|developed|generated|established|applied|used|"
                   r"identified|included|selected|grown|infected|engrafted|transplanted|fed|dosed|vaccinated|"
                   r"combined|linked|"
                   r"merged)")
_DID = re.compile(rf"\bwe (also |then |further |first |next |additionally )?{_RESEARCH_VERBS}\b|"
                  rf"\b(were|was) (\w+ )?{_RESEARCH_VERBS} (by|with|using|from|for|in|at|to|on|into|according)\b", _I)
_HUMAN_SUBJECTS = re.compile(r"\bpatients? (were|was) (treated|enrolled|randomi[sz]ed|given|included)\b|"
                             r"\b(we|were) (enrolled|treated|"
                             r"recruited)\b|\b\d+ (consecutive )?patients (with|who)\b", _I)
# Samples of patients analysed in the laboratory ("sequencing was performed on serum from 96 patients"): the patients
# are the samples' source, not the subjects of a clinical study.
_SAMPLES_FROM = re.compile(rf"\b(samples?|serum|sera|plasma|tissues?|biopsies|specimens|DNA|RNA|blood|breath|urine|"
                           rf"stool|saliva|tumou?rs|metastases|cells|lymphocytes|isolates) (\w+ ){{0,4}}(from|of) "
                           rf"(\d[\d,]*|{_NUMBER_WORDS}) (\w+ ){{0,2}}(patients|participants|donors|individuals|"
                           r"subjects|children|adults|women|men)\b", _I)
# The headings of a structured abstract that only original research has.
_RESEARCH_HEADINGS = re.compile(r"^(methods?|materials and methods|patients and methods|design|setting|participants|"
                                r"results|findings|measurements|interventions?|main outcome)", _I)


