"""The words a title uses to say what kind of paper it is, and the few statements of an abstract that outweigh a
title's design word (rag/study_type/text.py reads them; cues.py holds the words of the abstract's own design)."""

from __future__ import annotations

import re

from .cues import _I, _PHASE

# Title words. A title states what the paper is; a design word in it is the paper's own.
_T_OPINION = re.compile(r"^\s*(editorial|comment(ary)?|letter|reply|response to|in reply|correspondence|viewpoint|"
                        r"point[- ]counterpoint|debate|con:|pro:|in memoriam|obituary)\b|\b(commentary|editorial|"
                        r"a reply|letter to the editor|viewpoint|meeting report|workshop report|conference report)\b"
                        r"(?! (boards?|policies|policy|decisions|process|teams?|members|independence|offices?))|"
                        r"^\s*FDA approves\b|\bFDA approves\b|\bcall (to|for) action\b|"
                        r"\b(report|highlights) (of|from) the (\d{4} )?"
                        r"(\w+ ){0,4}(meeting|workshop|congress|symposium)\b|[?.]\s*(pro|con)\.?\s*$", _I)
_T_APPROVAL = re.compile(r"\b(FDA|EMA|regulatory) (approval summary|benefit[- ]risk summary)\b|"
                         r"\bapproval summary\b|\b(European Medicines Agency|EMA|FDA) review of\b|"
                         r"\bmarketing authori[sz]ation\b", _I)
# Economic models, methods and software, policy analyses, corrections: not a study of patients ("other").
_T_OTHER = re.compile(r"\bcost[- ](effectiveness|utility|benefit|minimi[sz]ation|consequence)\b|\bbudget impact\b|"
                     r"\b(physicians|doctors|clinicians|oncologists|surgeons|nurses|pharmacists|dentists|midwives|"
                     r"radiologists|psychiatrists|practitioners|residents|trainees)'? (knowledge|attitudes|views|"
                     r"perceptions|opinions|beliefs|awareness)\b|"
                     # research on research, policies, costing
                     r"\breporting of (\w+ ){0,3}in (\w+[- ]){0,3}(trials|studies|articles|abstracts|publications)\b|"
                     r"\bpolic(y|ies) (design|analysis|documents)\b|\b(analysis|review) of (\w+ ){0,3}policies\b|"
                     r"\b(activity-based|micro-?) ?costing\b|\bcosting (study|analysis)\b|"
                      r"\beconomic evaluation\b|\bMarkov model\b|\bdecision[- ]analytic\b|\bR package\b|"
                      r"\b(software|web server|toolkit|toolbox|python package)\b|\bsimulation study\b|"
                      r"^\s*(correction|erratum|corrigendum)( to)?:|\bpolicy analysis\b|\bmethods paper\b|"
                      r"^\s*model(l)?ing the (impact|effect|cost|burden|spread|transmission)\b|\bmodel(l)?ing study\b|"
                      r"\b(transmission|microsimulation|compartmental) model\b|\bcost-of-illness\b|"
                      r"\beconomic burden\b|\bcore outcome set\b|^(?!.*\bcase\b).*\btechnical note\b|"
                      r"\bhow (I|we|to) do it\b|\bindustry payments\b|\bpayments (to|from|by)\b|"
                      r"\bconflicts? of interest\b|\bglobal, regional,? and national\b|"
                      r"\bGlobal Burden of Disease\b|\bprojections? (to|for) (19|20)\d\d\b|"
                      r"\b(drug )?(prices|pricing)\b|\bspending\b|\bcurriculum\b|\bframework for\b|"
                      r"\bknowledge,? attitudes?\b|\bprojected (\w+ ){0,3}(demand|burden|number|incidence|"
                      r"prevalence|cases|costs?|need)\b|\b(global|attributable) burden\b|"
                      r"\b(industry|commercial) (funding|sponsorship)\b|\bpriority[- ]setting\b|"
                      r"\bresearch priorities\b|\bsurvey of (\w+ ){0,2}(policies|legislation|laws|regulations|"
                      r"websites|curricula)\b|\b(audit|appraisal|reporting) (tool|checklist|template)\b|"
                      r"\bmethodological (guide|note|tutorial)\b|\ba (practical |user's |short )?guide to (its use|"
                      r"using|the use of|interpreting|conducting|reporting|designing|scoring)\b|"
                      r"\b(prescribing|prescription|drug|medicines?) costs\b|\bcompleteness of (\w+ ){0,3}(recording|"
                      r"reporting|coding|documentation)\b|"
                      r"\b(audit|sample) of [\d,]+ (\w+ ){0,2}(trials|publications|articles|systematic reviews|"
                      r"protocols)\b|"
                      r"\b(knowledge|attitudes|views|perceptions|opinions|preferences|beliefs|awareness) (\w+ ){1,6}"
                      r"(of|among) (\w+ ){0,2}(physicians|doctors|oncologists|clinicians|nurses|pharmacists|surgeons|"
                      r"practitioners|radiologists|psychiatrists|dentists|midwives|residents|trainees)\b|"
                      r"\b(attitudes|views|perceptions|opinions|preferences|beliefs|knowledge|awareness|literacy) "
                      r"(of|among) (\w+ ){0,2}(physicians|doctors|oncologists|clinicians|nurses|pharmacists|surgeons|"
                      r"practitioners|radiologists|psychiatrists|dentists|midwives|residents|trainees)\b|"
                      r"\b(physicians|doctors|clinicians|nurses|pharmacists|surgeons|residents|trainees|students)'? "
                      r"(knowledge|attitudes?|views|perceptions|opinions|beliefs|awareness)\b|"
                      r"\bmethodological (study|survey|review|assessment)\b|"
                      r"\bmeta-?research\b|\bbibliometric\b|\breporting (quality|completeness)\b|"
                      r"\bsurvey of (\w+ ){0,2}"
                      r"(physicians|doctors|oncologists|clinicians|nurses|pharmacists|surgeons|practitioners|"
                      r"radiologists|psychiatrists|dentists)\b", _I)
# A clinical title that lists the facets a review covers ("incidence, risk factors and management").
_T_REVIEW_FACETS = re.compile(r"\b(diagnosis|management|treatment|therapy|prevention) (and|&)\b|\b(and|&) "
                              r"(management|treatment|therapy|prevention|future directions)\s*\.?$", _I)
# "Endometriosis: pathogenesis, diagnosis and treatment": a title that lists the facets of a disease a review covers.
_T_FACET_LIST = re.compile(r"^[^:]{2,80}:\s*((pathogenesis|pathophysiology|epidemiology|aetiology|etiology|mechanisms|"
                           r"clinical features|diagnosis|treatment|management|prevention|prognosis|genetics),? ){1,4}"
                           r"(and|&) (diagnosis|treatment|management|prevention|prognosis|therapy|outcomes)\s*\.?$", _I)
_T_PROTOCOL = re.compile(r"\bstudy protocol\b|\bprotocol (for|of) (a|an|the)\b[^:]{0,80}\b(trial|study)\b|"
                         r"\b(rationale and design|design and rationale)\b|\b(design|rationale) of (a|an|the)\b"
                         r"[^:]{0,80}\btrial\b|:\s*(a |the )?(trial )?protocol\s*\.?$|\bprotocol of a (single|"
                         r"multi)\w*\b|\bstatistical analysis plan\b", _I)
_T_GUIDELINE = re.compile(r"\b(practice )?guidelines?\b|\bconsensus\b|\brecommendations (for|on|of|from|regarding)\b|"
                          r"^\s*recommendations\b|\b(consensus|expert|joint|updated?|national) recommendations\b|"
                          r"\bposition (paper|statement)\b|\bexpert panel\b|\bstatement (of|from|by) the\b|"
                          r"\bjoint statement\b|\bpractice (parameter|update|advisory)\b|\bguidance (on|for)\b|"
                          r"\bDelphi\b|\b[A-Z]{3,} (\d{4} )?statement\b", _I)
# A guideline word that names what a study measured ("adherence to guidelines") or its method ("PRISMA guidelines").
_ABOUT_GUIDELINES = re.compile(r"\b(adherence|compliance|concordance|conformity|according) (to|with) (the )?(\w+ ){0,3}"
                               r"(guidelines?|recommendations)\b|\bguideline[- ](concordant|based|recommended|"
                               r"discordant|directed)\b|\b(PRISMA|MOOSE|STROBE|CONSORT|ARRIVE|reporting|Helsinki|"
                               r"ethical|GCP) (\w+ ){0,2}(guidelines?|statement|recommendations)\b|"
                               r"\b(systematic review|survey|evaluation|appraisal|analysis|comparison) of (\w+ ){0,4}"
                               r"(guidelines|recommendations)\b|\b(beyond|despite|outside|against|contrary to|"
                               r"deviations? from|gaps in) (the )?(\w+ ){0,2}(guidelines?|recommendations)\b|"
                               r"\bguideline (authors|writers|developers)\b", _I)
_T_META = re.compile(r"\bmeta-?analys[ie]s\b|\bmeta-?analytic\b|\bmeta-?regression\b", _I)
_T_POOLED = re.compile(r"\bpooled analysis\b|\bpooled (individual[- ]patient|patient-level) (data )?analysis\b|"
                       r"\bintegrated (safety |efficacy )?analysis of\b", _I)
_T_SYSTEMATIC = re.compile(r"\bsystematic (literature )?review\b|\bumbrella review\b|\bCochrane review\b", _I)
_T_SCOPING = re.compile(r"\bscoping review\b", _I)
_T_CASE = re.compile(r"\bcase (report|series|study of a|presentation)\b|\ba case of\b|\b(in|of) an? (\w+[- ]){0,3}"
                     r"(patient|man|woman|boy|girl|child|infant|newborn|neonate|adolescent)\b(?!-)|"
                     r"\b\d{1,3}-(year|month|week|day)-old\b|"
                     r"\b(two|three|four|five|six|seven|\d) (cases|siblings|brothers|sisters|patients with)\b|"
                     r"\breport of (a|an|one|two|three|four|five|six|seven|[2-9]) (cases?|patients?|famil)|"
                     r"\ba (rare|unusual|unique) (case|presentation|cause)\b|^\s*an? (\w+[- ]){0,3}(man|woman|boy|"
                     r"girl|child|infant|newborn|neonate|adolescent) (with|presenting)\b", _I)
_T_RANDOMISED = re.compile(r"\brandomi[sz]ed\b(?!\s+(\w+[- ]){0,3}trials\b)|\bplacebo-controlled\b|"
                           r"\bdouble-blind\b|\bcluster[- ]randomi|\bstepped[- ]wedge\b|\bsham[- ]controlled\b|"
                           r"\bnon-?inferiority (randomi[sz]ed )?trial\b", _I)
# Samples of patients from a trial, analysed in the laboratory: the trial is only their source.
_T_SAMPLES_FROM_TRIAL = re.compile(r"\b(samples|specimens|sera|plasma|biopsies|tissues?|blood) (\w+ ){0,3}"
                                   r"(from|of|collected in) (\w+ ){0,3}(a|the|two|three) (\w+[- ]){0,3}"
                                   r"(randomi[sz]ed|phase)|\btranslational (analysis|study|sub-?study) of (a|the) "
                                   r"(\w+[- ]){0,3}trial\b", _I)
# "... in patients from a randomised trial": the trial is where the samples came from, not the paper's design.
_T_FROM_TRIAL = re.compile(r"\b(patients|participants|samples|specimens|sera|plasma) (\w+ ){0,2}(from|in|of|enrolled "
                           r"in|treated in) (a|the|two|three) (\w+[- ]){0,3}(randomi[sz]ed|phase)", _I)
_T_TRIAL = re.compile(rf"\b{_PHASE}\b|\bsingle[- ](arm|group)\b|\bopen[- ]label\b|\bfirst[- ]in[- ]human\b|"
                      rf"\bdose[- ](escalation|finding|ranging)\b|\bwindow[- ]of[- ]opportunity\b|"
                      rf"\b(basket|umbrella|platform) (trial|study)\b|\bexpanded access\b|\bquasi[- ]experimental\b|"
                      rf"\binvestigator[- ]initiated\b|"
                      rf"\bbefore[- ](and[- ])?after (study|comparison|evaluation)\b|\binterventional study\b|"
                      rf"\bpre-?post (intervention )?(study|design|evaluation|comparison)\b|"
                      rf"\bearly[- ]phase (trial|study)\b|"
                      rf"\bquality[- ]improvement (initiative|project|programme|program|intervention|collaborative)\b|"
                      r"\b(pilot|feasibility) ((implementation|intervention|clinical|evaluation) )?(trial|study)\b|"
                      r"\bclinical (trial|study)\b(?!s| (reports?|registr|data|results|publications|protocols|"
                      r"documents|records|participants))|(?<!case[- ])\bcontrolled (clinical )?(study|trial)\b|"
                      r"\bnon-?randomi[sz]ed\b", _I)
_T_OBSERVATIONAL = re.compile(r"\bretrospective\b|\bcohorts?\b|\breal[- ](world|life)\b|\bpopulation-based\b|"
                              r"\bregistry\b|\bregisters?\b|\bnationwide\b|\bnational (\w+ )?(database|survey|"
                              r"sample|cohort|register|registry)\b|\bdatabase\b|\bclaims\b|\belectronic health "
                              r"records?\b|\bmedical records\b|\bchart review\b|\bmendelian randomi[sz]ation\b|"
                              r"\bgenome-wide association\b|\btarget trial\b|\btest-negative\b|\btwin study\b|"
                              r"\bsibling (comparison|analysis|design)\b|\bbirth cohort\b|\blongitudinal (study|"
                              r"analysis|follow-up)\b|\bprospective (study|analysis|follow-up|evaluation)\b|"
                              r"\bdiagnostic (accuracy|performance)\b|\bdevelopment and validation\b|"
                              r"\b(incidence|prevalence|seroprevalence|trends?) (of|in|and)\b|\brisk factors\b|"
                              r"\bUK Biobank\b|\bNHANES\b|\bSEER\b|\bNational Cancer Database\b|"
                              r"\bcase[- ]control\b|\bcross[- ]sectional\b|\bpharmacovigilance\b|\bobservational\b|"
                              r"\bmulticent(er|re|ric) (\w+ )?(study|experience|analysis)\b|"
                              r"\bfollow-up (study|survey)\b|"
                              r"\b(external |prospective |temporal )?validation of (the|a|an) (\w+[- ]){0,4}(rule|"
                              r"score|scale|index|criteria|nomogram|(risk|prediction|prognostic) (model|score|tool))\b|"
                              r"\b(single|multi)[- ]?(institution|"
                              r"cent(er|re))(al)? (experience|study|analysis)\b|\bpatterns of care\b|"
                              r"\bexperience (of|at|from|with) (a|an|the|our)\b|\bnatural history\b|"
                              r"\bconsecutive (patients|cases|series)\b|(?<!literature )\bsurvey\b|"
                              r"\b\d+-year (review|experience)\b|\binterrupted time[- ]series\b|"
                              r"^(reliability|validity) and (validity|reliability)\b|"
                              r"\bpsychometric (properties|evaluation|validation)\b|"
                              r"\b(inter|intra)-?(observer|rater) (reliability|agreement|variability)\b|"
                              r"\bdifference-in-differences?\b|\bregression discontinuity\b|\bnatural experiment\b|"
                              r"^uptake of\b|"
                              r"\bqualitative (\w+ )?(study|analysis|exploration|evaluation|inquiry)\b|"
                              r"\binterview study\b|\bfocus groups?\b|\bspatial (clustering|analysis|distribution|"
                              r"epidemiology)\b|\bspatio-?temporal\b|\becological study\b|\bverbal autopsy\b", _I)
# A companion or farm animal in a title, and the words of a veterinary text beside it: an animal study whatever
# its design (a case, a series, records of a practice). Bites, allergies and animal-assisted therapy are human studies.
_T_VET = re.compile(r"\b(herds?|flocks?|cattle|livestock|donkeys?|mules?|dogs?|cats?|horses?|mares?|stallions?|"
                    r"geldings?|cows?|"
                    r"heifers?|bulls?|calf|calves|puppies|"
                    r"puppy|kittens?|ferrets?|parrots?|goats?|alpacas?|llamas?|Labrador|retrievers?|terriers?|"
                    r"spaniels?|wild boars?|wildlife|free-ranging|"
                    r"(wild|migratory|wading) (birds|animals|ruminants|carnivores|"
                    r"foxes|rodents|mammals|ungulates)|foxes|badgers|"
                    r"canine|feline|equine|bovine)\b(?![- ](bites?|scratch|allerg|assisted|ownership|walking))", _I)
_VET_SAYS = re.compile(r"\b(veterinar\w*|client-owned|breeds?|(was|were) presented|herds?|flocks?|farms?|"
                       r"shelters?|spayed|neutered|castrated|intact (male|female)|hunted|hunting|hunters|found dead|"
                       r"necrops(y|ies)|slaughter(ed|house)?|abattoirs?)\b", _I)
_VET_STRONG = re.compile(r"\bveterinar\w*|\bclient-owned\b|\b(dairy|beef|pig|poultry|sheep|goat|backyard) "
                         r"(cattle|cows|heifers|steers|bulls|calves|herds?|farms?|flocks?)\b", _I)
# Title words an observational study shares with a trial's outcomes ("Cancer Incidence and Mortality").
_T_OBSERVATIONAL_WEAK = re.compile(r"^(incidence|prevalence|seroprevalence|trends?|risk factors|association|"
                                   r"development and validation|diagnostic (accuracy|performance))\b", _I)
# Strong laboratory and animal words in a title: the paper is preclinical whatever clinical words it also has.
_T_ANIMAL = re.compile(r"\b(in|of) (mice|a mouse|mouse|murine|rats|dogs|primates|zebrafish)\b|\bmurine\b|"
                       r"\bmouse models?\b|\bmice\b|\brats?\b(?! sarcoma)|\bpre-?clinical (evaluation|study|studies|"
                       r"characteri[sz]ation|models?|efficacy|development|rationale|activity|assessment|testing|"
                       r"investigation|data)\b|\bhamsters?\b|\bferrets?\b|"
                       r"\bxenografts?\b|\bzebrafish\b|\b(rhesus|cynomolgus) (macaques|monkeys)\b|\bmacaques\b|"
                       r"\bporcine\b|\bpigs\b|\bpiglets\b|\brabbits?\b|\bcanine\b|\b(pet|client-owned) dogs\b|"
                       r"\bDrosophila\b|\bC\. elegans\b|\bin vivo efficacy\b|\banimal models?\b|\bsheep\b|"
                       r"\bovine\b|\b(in|of) (\w+ ){0,2}(cats|horses|cattle|cows|calves|goats|poultry|chickens|"
                       r"broilers)\b|"
                       r"\bfeline\b|\bveterinary\b|\b(laying )?hens\b|\bdeer\b|\bcervids\b|"
                       r"\bmarmosets\b", _I)
_T_IN_VITRO = re.compile(r"\bin vitro\b|\bex vivo\b|\bcell lines?\b|\b(in|of|on|to|against) (\w+[- ]){0,3}(cancer|"
                         r"tumou?r|carcinoma|epithelial|endothelial|HeLa|HEK293) cells\b(?! (from|of) patients)|"
                         r"\borganoids?\b|\bbioinformatic|"
                         r"\bin silico\b|\bTCGA\b|\bCancer Genome Atlas\b|\bsingle-cell (RNA|transcriptom|sequencing|"
                         r"analysis|atlas|characteri[sz]ation)|\bCRISPR(-Cas9)? screen|\bcryo-?EM\b|"
                         r"\bcryo-electron\b|\bcrystal structure\b|\bmolecular (docking|dynamics)\b|"
                         r"\bpan-cancer analysis\b|\bstructure-based\b|\byeast two-hybrid\b|\biPSC|\binduced "
                         r"pluripotent\b|\bisolates\b|\bbiofilms?\b|\bnanoparticles\b|\bproteomic|\btranscriptomic "
                         r"(analysis|profiling|landscape)\b|\bimmunohistochemi\w* (assay|staining|analysis)|"
                         r"\b(spatial|multiplexed?) (proteomic|transcriptomic|imaging|immunohistochemi)|"
                         r"\bcadaver(ic)?\b|\bbiomechanical\b|"
                         r"\bcomputational (prediction|identification|design|screening)\b|"
                         r"\bimmunoinformatic|\breverse vaccinology\b|"
                         r"\bpublic(ly available)? ([\w-]+ )?(datasets?|databases?)\b", _I)
_T_IN_VITRO_WEAK = re.compile(r"\bsignature\b|\bassays?\b", _I)
# The abstract says it is an editorial on another paper: this outweighs a design word in its title.
_OPINION_SAYS = re.compile(r"\bin this issue\b|^\s*To the Editor\b|\bwe are writing to (express|raise|draw)\b|"
                           r"\bwe (read|have read) with (great )?interest\b|"
                           r"\b(this|the present) (editorial|commentary|viewpoint)\b", _I)
# The abstract says it is a review: this outweighs a laboratory or animal word in its title.
_REVIEW_SAYS = re.compile(r"\bin this (mini-?|narrative )?review\b|\b(this|the present) (mini-?|narrative )?review\b|"
                          r"\b(here(in)?,? )?we (briefly )?review\b|\bthis (article|paper|chapter) reviews\b", _I)
_T_REVIEW = re.compile(r"\breview\b|\boverview\b|\badvances\b|\bprogress\b|\blandscape\b|\bperspectives?\b|"
                       r"\bupdate on\b|\ban update\b|:\s*(a )?focus on\b|"
                       r"\bchallenges\b|\bstate of the art\b|\bcurrent (status|concepts|role|evidence|state)\b|"
                       r"\bemerging\b|"
                       r"\bfuture (directions|perspectives)\b|\bhistory\b|\bwhere (are|do) we\b|\bwhat'?s next\b|"
                       r"\bnew era\b|\blessons\b|\bbench to bedside\b|"
                       r"\brevisited\b|\bprimer\b|\bstrategies\b|^[^:]{2,60}: (a|an|the) (novel|new|first|promising|"
                       r"emerging)\b|"
                       r"\bmechanisms? (of|and)\b|\bopportunities\b|\broles? of\b|\bin \d{4}\s*$|"
                       r"\btherapeutic (potential|implications)\b|^(diagnosis and )?(management|treatment) of\b", _I)
_T_OPINION_QUESTION = re.compile(r"^\s*(why|time to|should|is it time|the case (for|against)|must|it is time)\b|"
                                 r"\bmust\b(?! know)|\bneeds?\b(?! to know)[^:]*$", _I)
