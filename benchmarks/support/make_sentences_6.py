# ruff: noqa: E501  (one hand-written sentence a line)
"""Hand-written sentences (sixth set) against titled PubMed abstracts of corpus/pubmed/immunotherapy_abstracts.jsonl,
forty of them: thirty that no earlier set uses (reviews, laboratory papers, a case series) and ten trial and
meta-analysis abstracts with many figures that earlier sets use at most five times (the unused abstracts carry few
numbers). Twenty are passages whole and twenty are cut into 200-token chunks (rag.chunk.chunker.chunk_document, by
index), each sentence against the chunk that holds its fact; the title travels with the passage. Written as clinicians
and students summarise papers: two facts joined, numbers in words, rounded or as "x of y" where the abstract gives a
percentage (or the reverse), ranges, hedges, a trial acronym only the title gives, a negation the abstract states
elsewhere. Half are faithful; half carry exactly one planted error, 25 of each kind: a number (a changed figure, a
wrong denominator, the figure of the other arm), a name (drug, gene, trial, tumour), a negation (a result turned
around), a claim the passage does not make (conclusion, causal link, comparison, population, direction, strength).
Writes benchmarks/support/sentences_6.jsonl (ids s6-001...; same fields and split rule as the other sets)."""
from sentence_sets import ROOT, C, F, G, M, N, write_set

# (passage key, sentence, error kind or None, detail, features); a key is a doc_id (the whole abstract) or
# (doc_id, chunk index)
S = []


def add(key, rows):
    for sentence, kind, detail, feats in rows:
        S.append((key, sentence, kind, detail, feats + (["chunk"] if isinstance(key, tuple) else [])))


# ---- whole abstracts ----
add("PMID:29053400", [
 ("Of the four clinical-trial PD-L1 assays, 28-8, 22C3 and SP263 agreed closely on tumour-cell staining, whereas SP142 picked up less PD-L1.", F, "", ["words_number", "joined_facts", "comparison"]),
 ("Pembrolizumab needs a PD-L1 test in NSCLC, while nivolumab and atezolizumab are approved without one.", F, "", ["joined_facts", "negation_elsewhere"]),
 ("The authors suggest the three concordant assays might be used interchangeably for tumour cells, but not for immune-cell PD-L1.", F, "", ["hedged", "words_number"]),
 ("High concordance was seen among 28-8, 22C3 and SP142, whereas SP263 detected less PD-L1 on tumour cells.", M, "SP142 was the low outlier; SP263 was concordant", ["comparison"]),
 ("Interobserver concordance for immune-cell PD-L1 expression was good.", G, "interobserver concordance was poor", ["plain"]),
])
add("DOI:10.1073/pnas.1113045108", [
 ("In melanoma patients with nodal metastases, [18F]FLT PET showed immune responses in vaccinated lymph nodes soon after the priming dendritic cell vaccination, with signals lasting up to about three weeks.", F, "", ["words_number", "joined_facts"]),
 ("Tracer uptake in the treated nodes tracked circulating antigen-specific IgG and T-cell proliferation in blood, a correlation not seen with FDG.", F, "", ["joined_facts", "negation_elsewhere", "abbreviation"]),
 ("The FLT signal in the treated lymph nodes persisted for up to six weeks.", N, "up to 3 weeks", ["words_number"]),
 ("FLT uptake in vaccinated nodes predicted overall survival after dendritic cell vaccination.", C, "no survival data; only immune responses", ["causal"]),
 ("Control nodes injected with saline or antigen-free DCs took up as much FLT as the vaccinated nodes.", G, "uptake markedly absent in control nodes", ["comparison"]),
])
add("X:3a68668e8523", [
 ("The review found 44 trials, of which just over half (23) tested unconjugated antibodies and 16 tested radioimmunotherapy.", F, "", ["x_of_y", "joined_facts", "rounded"]),
 ("Oregovomab against CA 125 and bevacizumab against VEGF are the two unconjugated antibodies the authors see as closest to clinical use in ovarian cancer.", F, "", ["words_number", "paraphrase"]),
 ("Without large randomized trials, no firm conclusion on antibody therapy in ovarian cancer can be drawn, the authors say.", F, "", ["negation_elsewhere"]),
 ("Of the 44 trials, 12 studied vaccination with antibodies.", N, "5 trials studied vaccination", ["x_of_y"]),
 ("Vaccination with an anti-MUC1 antibody looks promising but needs confirmation in randomized trials.", M, "Mab ACA 125, not anti-MUC1", ["hedged"]),
])
add("PMID:19175928", [
 ("The 2008 iSBTc primer, held on 30 October at the 23rd annual meeting in San Diego, had nine invited speakers.", F, "", ["words_number", "joined_facts"]),
 ("Topics ran from cytokines and anti-angiogenic therapy to T regulatory cells, adoptive T cell therapy and immune adjuvants.", F, "", ["paraphrase"]),
 ("The primer covered nine topics, among them T cell checkpoint blockade and immune monitoring.", F, "", ["words_number"]),
 ("Twelve internationally renowned investigators presented at the 2008 primer.", N, "nine investigators", ["words_number"]),
 ("The primer course was aimed only at academic investigators.", C, "also regulatory and biopharmaceutical attendees", ["population"]),
])
add("PMID:26872697", [
 ("In an IL-35 reporter mouse, IL-35-producing Treg cells were markedly enriched in tumours.", F, "", ["paraphrase"]),
 ("Blocking IL-35 with an antibody, or deleting it only in Treg cells, limited tumour growth in several mouse models of human cancer.", F, "", ["joined_facts", "paraphrase"]),
 ("Treg-derived IL-35 promoted expression of PD1, TIM3 and CTLA-4 on intratumoral T cells.", M, "LAG3, not CTLA-4", ["plain"]),
 ("Limiting intratumoral IL-35 did not improve long-term T cell memory.", G, "it enhanced long-term memory", ["plain"]),
 ("IL-35 blockade improved survival in patients with cancer.", C, "mouse models only", ["population"]),
])
add("DOI:10.1002/ijc.22385", [
 ("Loaded with about 30 pg of iron per cell, as few as 1,000 DCs/mm3 could be seen at 3 T and half that number at 7 T.", F, "", ["rounded", "words_number", "joined_facts"]),
 ("Labelling with the superparamagnetic iron oxide agent did not affect DC viability or function.", F, "", ["negation_elsewhere"]),
 ("The labelled DCs were imaged at both 3 and 7 tesla.", F, "", ["plain"]),
 ("At 7 T, as few as 50 labelled cells/mm3 could be imaged.", N, "500 cells/mm3", ["plain"]),
 ("In patients, MR imaging tracked the labelled DCs to the lymph nodes after vaccination.", C, "no patient imaging reported", ["population"]),
])
add("PMID:36367045", [
 ("IDH mutations define most WHO grade 2-3 diffuse gliomas and are the strongest favourable prognostic factor for survival in glioma.", F, "", ["range", "paraphrase"]),
 ("In a phase 1 trial of an IDH1 R132H vaccine in newly diagnosed grade 3 or 4 astrocytoma, just under two thirds were progression-free and over 80% alive at three years.", F, "", ["rounded", "words_number", "joined_facts"]),
 ("The IDH1 R132H vaccine gave a 3-year overall survival rate of 0.63.", N, "0.63 is PFS; OS was 0.84", ["plain"]),
 ("The phase 1 vaccine targeted the IDH2 R172K mutation.", M, "IDH1 R132H", ["plain"]),
 ("Mutant-IDH enzyme inhibitors produced durable responses in enhancing gliomas in randomized trials.", C, "preliminary single-agent evidence only", ["plain"]),
])
add("PMID:38044989", [
 ("The five patients, treated at Asahikawa Medical University Hospital between July 2022 and February 2023, received sotorasib as LUMAKRAS tablets.", F, "", ["words_number", "brand_name", "joined_facts"]),
 ("One patient developed interstitial pneumonitis, though prior pembrolizumab made it uncertain whether sotorasib was to blame.", F, "", ["words_number", "hedged", "joined_facts"]),
 ("The authors suggest that monitoring blood sotorasib may help anticipate adverse events, but larger studies are needed.", F, "", ["hedged"]),
 ("Blood sotorasib levels were consistently associated with adverse events.", G, "no consistent association", ["plain"]),
 ("The authors conclude that sotorasib doses should be lowered in patients with high blood levels.", C, "no dosing conclusion; doses were not adjusted", ["plain"]),
])
add("PMID:30012210", [
 ("NSCLC makes up more than 85% of lung cancers, the leading cause of cancer death worldwide.", F, "", ["joined_facts"]),
 ("Pembrolizumab, nivolumab and atezolizumab are approved in first- and/or second-line settings, and durvalumab after chemoradiation for locally advanced disease.", F, "", ["joined_facts"]),
 ("A SITC Task Force used a literature search and panel voting to rate the strength of evidence behind each recommendation.", F, "", ["acronym"]),
 ("NSCLC accounts for over 95% of all lung cancer cases.", N, "over 85%", ["plain"]),
 ("Ipilimumab following chemoradiation has been approved for locally advanced NSCLC.", M, "durvalumab", ["plain"]),
])
add("PMID:37105563", [
 ("BPDCN typically expresses CD4, CD56 and CD123 together with pDC markers such as TCL-1 and TCF4.", F, "", ["abbreviation"]),
 ("Mature pDC proliferation is a clonal expansion mostly seen with chronic myelomonocytic leukemia, whereas BPDCN is an aggressive myeloid malignancy of skin, marrow, lymphatic organs and CNS.", F, "", ["joined_facts", "comparison"]),
 ("Tagraxofusp is a recombinant fusion protein targeting CD33.", M, "CD123", ["plain"]),
 ("BPDCN rarely involves the skin.", G, "skin involvement is typical", ["plain"]),
 ("Tagraxofusp has replaced allogeneic transplantation as standard treatment for BPDCN.", C, "no such conclusion", ["comparison"]),
])
add("PMID:30116425", [
 ("Right-sided tumours commonly carry mismatch-repair mutations and tend to be flat, whereas left-sided ones show chromosomal-instability mutations such as KRAS, APC, PIK3CA and p53 and look polypoid.", F, "", ["joined_facts", "comparison"]),
 ("Left-sided colorectal cancers benefit more from 5-FU-based adjuvant chemotherapy and anti-EGFR therapy and carry a better prognosis.", F, "", ["joined_facts", "comparison"]),
 ("Right-sided colorectal cancers respond well to conventional chemotherapy.", G, "do not respond well", ["plain"]),
 ("Colorectal cancer is the second most common cancer worldwide.", N, "third most common", ["words_number"]),
 ("Randomized trials have shown that immunotherapy prolongs survival in right-sided colorectal cancer.", C, "only 'more promising results'", ["plain"]),
])
add("PMID:25746916", [
 ("Over the last five years, antibodies acting on T-cell checkpoints or costimulation have largely driven a revolution in melanoma management.", F, "", ["words_number", "paraphrase"]),
 ("The review covers antagonist antibodies to CTLA-4 and PD-1 and agonist antibodies to OX40 and 4-1BB.", F, "", ["paraphrase"]),
 ("The review covers agonistic antibodies against the costimulatory pathways OX40 and CD40.", M, "4-1BB, not CD40", ["plain"]),
 ("Cytokines such as interleukin-2 produce clinically meaningful tumour regression in most patients with melanoma.", C, "in a minority", ["plain"]),
 ("Over the last ten years, checkpoint and costimulatory antibodies have revolutionised melanoma care.", N, "last 5 years", ["words_number"]),
])
add("PMID:28894725", [
 ("Most immune-mediated adverse events are mild and easily managed, but the authors stress early identification and proactive treatment.", F, "", ["joined_facts"]),
 ("Checkpoint inhibitors appear better tolerated than traditional chemotherapy, though their toxicities form a distinct immune-mediated spectrum.", F, "", ["hedged", "comparison"]),
 ("The imAE safety profile differs by antibody and by the type of cancer treated.", F, "", ["abbreviation"]),
 ("Most immune-mediated adverse events are severe and hard to manage.", G, "mostly mild and easily managed", ["plain"]),
 ("Nurse-led monitoring has been shown to reduce the rate of severe imAEs.", C, "nurses' role described; no such result", ["causal"]),
])
add("PMID:12147435", [
 ("Hyperthermia heats tumour tissue to between 40 and 43 °C and is used alongside radiotherapy and chemotherapy.", F, "", ["range", "joined_facts"]),
 ("Phase III trials adding hyperthermia to radiotherapy showed better local control in recurrent breast cancer and melanoma and better survival in, for instance, glioblastoma and cervical carcinoma.", F, "", ["joined_facts"]),
 ("Hyperthermia means heating tumour tissue to between 45 and 48 °C.", N, "40-43 °C", ["range"]),
 ("Phase III trials showed a survival benefit of adding hyperthermia to radiotherapy in pancreatic cancer.", M, "head and neck nodes, glioblastoma, cervical carcinoma", ["plain"]),
 ("Phase III trials found no local-control benefit from adding hyperthermia to radiotherapy.", G, "beneficial effect on local control", ["plain"]),
])
add("PMID:27540850", [
 ("Across 20 single-tumour-type trials with about 4,500 patients, pneumonitis occurred in 2.7% on PD-1 monotherapy, and fewer than 1% had grade 3 or worse.", F, "", ["rounded", "joined_facts"]),
 ("All-grade pneumonitis was roughly two and a half times as common in NSCLC as in melanoma (4.1% vs 1.6%).", F, "", ["words_number", "comparison"]),
 ("In melanoma, combination therapy roughly quadrupled all-grade pneumonitis compared with monotherapy, 6.6% against 1.6%.", F, "", ["words_number", "comparison"]),
 ("The meta-analysis pooled 12 NSCLC studies, 5 melanoma studies and 3 RCC studies.", N, "12 melanoma and 5 NSCLC studies", ["plain"]),
 ("In RCC, grade 3 or higher pneumonitis was also more frequent than in melanoma.", G, "not for grade 3 or higher", ["comparison"]),
])
add("PMID:26473645", [
 ("PD-L1 was expressed in 27 of the 114 KRAS-mutant tumours, about a quarter, and more often in current smokers (44%) than never smokers (13%).", F, "", ["x_of_y", "rounded", "joined_facts"]),
 ("Roughly half the tumours were PD-L2-positive, with no link to smoking status.", F, "", ["rounded", "negation_elsewhere"]),
 ("PD-1-positive TILs were present in 77 of 114 specimens, including 21 of 54 with PD-L1 expression.", N, "21 of 27 PD-L1-positive samples", ["x_of_y"]),
 ("PD-L1 expression was stable regardless of the age of the specimen.", G, "fades beyond 3 years", ["plain"]),
 ("Smoking causes PD-L1 expression in KRAS-mutant NSCLC.", C, "only suggests inducible expression", ["causal"]),
])
add("DOI:10.1136/jim-2020-001650", [
 ("Of the 100 long-term survivors reported, 54 had metastatic melanoma and 46 renal cell carcinoma.", F, "", ["x_of_y"]),
 ("Eleven HD IL-2 centres identified patients alive at least five years after treatment who had no later systemic therapy.", F, "", ["words_number", "abbreviation"]),
 ("Progression-free survival after high-dose IL-2 ranged from more than 5 to more than 30 years, with median follow-up beyond a decade.", F, "", ["range", "words_number"]),
 ("Thirty-two patients with mRCC and 27 with mM were alive ten years or more after IL-2.", N, "27 mRCC and 32 mM", ["words_number"]),
 ("Most patients treated with HD IL-2 achieve progression-free survival of five years or more.", C, "a small subset", ["plain"]),
])
add("PMID:26028255", [
 ("In mismatch repair-deficient colorectal cancer, 4 of 10 patients responded and 7 of 9 were progression-free at 20 weeks, against no responders among 18 with proficient tumours.", F, "", ["x_of_y", "joined_facts", "comparison"]),
 ("Non-colorectal dMMR cancers did about as well, with five of seven patients responding.", F, "", ["words_number", "x_of_y"]),
 ("The 20-week immune-related PFS rate was 11% in mismatch repair-deficient colorectal cancer.", N, "11% was the proficient cohort; 78% deficient", ["plain"]),
 ("High somatic mutation loads were not associated with progression-free survival.", G, "associated with prolonged PFS", ["plain"]),
 ("The phase 2 study gave nivolumab 10 mg/kg every 14 days.", M, "pembrolizumab", ["plain"]),
])
add("PMID:30280635", [
 ("In KEYNOTE-407, 559 untreated patients with metastatic squamous NSCLC were randomized 1:1 to pembrolizumab or placebo with carboplatin and paclitaxel or nab-paclitaxel.", F, "", ["acronym", "joined_facts"]),
 ("Median overall survival was about 16 months with the pembrolizumab combination against 11.3 months with placebo, a hazard ratio of 0.64.", F, "", ["rounded", "comparison"]),
 ("Grade 3 or worse adverse events were about equally common in both arms (69.8% and 68.2%), though discontinuation for adverse events was roughly twice as frequent with pembrolizumab (13.3% vs 6.4%).", F, "", ["joined_facts", "words_number", "comparison"]),
 ("Median progression-free survival was 6.4 months with pembrolizumab-chemotherapy against 5.7 months with chemotherapy alone.", N, "4.8 months", ["comparison"]),
 ("The overall survival benefit was confined to patients with high PD-L1 expression.", C, "consistent regardless of PD-L1", ["population"]),
])
add("PMID:21904577", [
 ("Maintenance options include continuing the initial doublet, continuing a single agent ('continuation maintenance') or switching to a new agent.", F, "", ["paraphrase"]),
 ("Despite considerable controversy, maintenance therapy after platinum doublets has become an accepted paradigm.", F, "", ["paraphrase"]),
 ("Survival in advanced NSCLC remains low, despite progress in early-stage disease.", F, "", ["negation_elsewhere"]),
 ("Maintenance therapy has not yet been tested in randomized trials in NSCLC.", G, "studied in randomized trials", ["plain"]),
 ("Switch maintenance has been shown to improve overall survival compared with continuation maintenance.", C, "no such comparison", ["comparison"]),
])

# ---- 200-token chunks of abstracts ----
add(("PMID:30862109", 1), [
 ("Five key eRNA candidates met both the survival and target-correlation criteria, and AP001056.1, whose target ICOSLG encodes an immune checkpoint protein, was the most significant.", F, "", ["words_number", "joined_facts"]),
 ("Some 1,640 other genes also correlated with AP001056.1, with 'immune system process' the most enriched biological process.", F, "", ["rounded"]),
 ("The top survival-associated eRNA, AP001056.1, regulates CD274, which encodes an immune checkpoint protein.", M, "ICOSLG", ["plain"]),
 ("AP001056.1 appears to have a negative impact on clinical outcome in SCCHN.", G, "positive impact", ["hedged"]),
])
add(("PMID:30862109", 0), [
 ("TANRIC and cBioPortal were used to explore RNA levels and clinical data from TCGA.", F, "", ["abbreviation"]),
])
add(("PMID:26927720", 1), [
 ("With four anti-PD-1/PD-L1 drugs nearing approval, each with its own PD-L1 test, oncologists and pathologists face real challenges.", F, "", ["words_number", "joined_facts"]),
 ("PD-L1 immunohistochemistry looks likely to enter clinical use for selecting patients, even though data so far are conflicting.", F, "", ["hedged", "joined_facts"]),
])
add(("PMID:26927720", 2), [
 ("The review drew on peer-reviewed literature and meeting proceedings, especially from the last 24 months.", N, "last 12 months", ["plain"]),
 ("The PD-L1 biomarker test selects patients perfectly, the authors note.", G, "selection performance is not perfect", ["plain"]),
])
add(("PMID:26927720", 0), [
 ("Because of their heavy mutational load, lung cancers respond better to checkpoint inhibitors than other tumours, the authors note.", C, "no comparison with other tumours", ["comparison", "causal"]),
])
add(("PMID:28619755", 1), [
 ("On tissue microarrays, most bladder cancers expressed EGFR to some degree, with squamous cell carcinomas expressing the most.", F, "", ["paraphrase", "comparison"]),
 ("Neither panitumumab, panitumumab-IR700 without light, nor NIR light alone affected the cells; death after PIT was by necrosis, helped by singlet oxygen.", F, "", ["joined_facts", "negation_elsewhere", "acronym"]),
 ("Panitumumab-IR700 activated by NIR light rapidly killed T24 cells, a bladder SCC line.", M, "UMUC-5", ["plain"]),
])
add(("PMID:28619755", 0), [
 ("The conjugate for PIT was made by labelling cetuximab with the photoabsorber IR700.", M, "panitumumab", ["acronym"]),
])
add(("PMID:28619755", 2), [
 ("Panitumumab-IR700 PIT has been shown to work in patients with bladder cancer.", C, "in vitro and xenografts only", ["population"]),
])
add(("PMID:19934295", 2), [
 ("Ipilimumab alone produced four distinct response patterns, including responses after an initial increase in tumour burden or despite new lesions, and all were linked to favourable survival.", F, "", ["words_number", "joined_facts"]),
 ("Ipilimumab monotherapy gave five distinct response patterns.", N, "four", ["words_number"]),
 ("Responses in the presence of new lesions were associated with poor survival.", G, "all patterns associated with favourable survival", ["plain"]),
])
add(("PMID:19934295", 1), [
 ("The proposed immune-related criteria were tested on data from the phase II ipilimumab program in advanced melanoma.", F, "", ["paraphrase"]),
])
add(("PMID:19934295", 0), [
 ("RECIST and WHO criteria, the authors argue, underestimate the activity of cytotoxic drugs as well.", C, "concern is only immunotherapeutic agents", ["population"]),
])
add(("PMID:28162945", 0), [
 ("Cancer Care Ontario's review covered studies published between 2010 and 2016, including two systematic reviews and 13 phase III RCTs.", F, "", ["range", "joined_facts", "words_number"]),
 ("The review included a series of pooled analyses by the JBR.10 investigators.", M, "Lung Adjuvant Cisplatin Evaluation-Biomarker", ["plain"]),
])
add(("PMID:28162945", 1), [
 ("Adjuvant chemotherapy improved overall survival in resected stage II-IIIA NSCLC, while stage IB patients gained no significant OS benefit overall.", F, "", ["joined_facts", "negation_elsewhere", "range"]),
 ("In stage IB, adjuvant chemotherapy may be considered for tumours of 3 cm or larger.", N, "≥ 4 cm", ["hedged"]),
 ("The review supports adding EGFR tyrosine kinase inhibitors to adjuvant chemotherapy.", G, "data do not support it", ["plain"]),
])
add(("PMID:31547472", 0), [
 ("Tagraxofusp (SL401), a truncated diphtheria toxin fused to IL-3, was approved for BPDCN in December 2018.", F, "", ["abbreviation"]),
 ("Because CD123 is found on both leukemic stem cells and more differentiated blasts, it is an attractive therapeutic target.", F, "", ["causal"]),
 ("Tagraxofusp was approved for BPDCN in December 2016.", N, "December 2018", ["plain"]),
])
add(("PMID:31547472", 1), [
 ("In December 2018, the CD123 CAR T product MB-102 from Mustang Bio received Orphan Drug Designation for AML.", M, "for BPDCN", ["plain"]),
 ("CD123 CAR T cells have been approved for refractory AML.", C, "still being explored", ["plain"]),
])
add(("PMID:37906232", 1), [
 ("The agents reviewed include isatuximab, belantamab mafodotin, teclistamab, the CAR T products ide-cel and cilta-cel, selinexor and melflufen.", F, "", ["abbreviation"]),
 ("Emerging agents covered include venetoclax and the cereblon E3 ligase modulators iberdomide and mezigdomide.", F, "", ["paraphrase"]),
 ("Belantamab mafodotin is the anti-CD38 monoclonal antibody among the agents reviewed.", M, "isatuximab is anti-CD38", ["plain"]),
 ("The review covers agents approved for RRMM in the past ten years.", N, "past 5 years", ["words_number"]),
 ("The authors conclude that teclistamab is the safest of the newly approved agents.", C, "no ranking of safety", ["comparison"]),
])
add(("PMID:25901682", 0), [
 ("In three murine tumour models, a considerable fraction of non-synonymous mutations was immunogenic, and most of the immunogenic mutanome was, unexpectedly, recognised by CD4+ T cells.", F, "", ["words_number", "joined_facts"]),
 ("Most of the immunogenic mutanome was recognised by CD8+ T cells.", M, "CD4+ T cells", ["plain"]),
])
add(("PMID:25901682", 1), [
 ("Poly-neo-epitope mRNA vaccines, with mutations chosen by expression and MHC class II binding, led to complete rejection of established aggressively growing tumours in mice.", F, "", ["joined_facts"]),
 ("CD4+ neo-epitope vaccination left the tumour microenvironment unchanged.", G, "reshapes the microenvironment", ["plain"]),
 ("The polytope mRNA vaccines induced complete tumour rejection in patients with cancer.", C, "in mice", ["population"]),
])
add(("DOI:10.1371/journal.pone.0064384", 0), [
 ("After infusion into NOD/SCID/IL2Rg(null) mice, UCB-NK cells homed to bone marrow, spleen and liver within a day.", F, "", ["words_number"]),
])
add(("DOI:10.1371/journal.pone.0064384", 1), [
 ("A single UCB-NK infusion plus supportive IL-15 inhibited growth of leukemia cells implanted in the femur and significantly prolonged survival of the mice.", F, "", ["joined_facts"]),
 ("A firm proportion of UCB-NK cells expressed CXCR4, which could drive bone marrow homing in response to its ligand CXCL10.", M, "CXCL12", ["hedged"]),
 ("Low-dose IL-15 failed to sustain UCB-NK cell survival in vivo.", G, "mediated efficient survival", ["plain"]),
])
add(("PMID:26756647", 0), [
 ("Each drug in this class has been developed with its own anti-PD-L1 immunohistochemistry test.", F, "", ["paraphrase"]),
 ("With the prospect of five drugs each possibly requiring PD-L1 testing, pathologists face a challenge unlike any before.", F, "", ["words_number", "hedged"]),
 ("Laboratories may try to deliver the trial-validated assays, introduce lab-developed tests, or offer a single PD-L1 assay for all the drugs.", F, "", ["hedged", "paraphrase"]),
 ("The prospect of three drugs competing in the same area, each possibly needing PD-L1 testing, challenges pathologists.", N, "5 drugs", ["words_number"]),
 ("The approval of anti-CTLA-4 therapies for NSCLC has put PD-L1 immunohistochemistry in the spotlight.", M, "anti-PD-1 therapies", ["plain"]),
])
add(("PMID:34904924", 0), [
 ("Mutant IDH is linked to a better prognosis in glioma, but its role in antitumour immunity and immunotherapy response is not fully understood.", F, "", ["joined_facts", "negation_elsewhere"]),
 ("Gliomas are stratified by a hotspot mutation in the TERT gene.", M, "IDH1/2", ["plain"]),
])
add(("PMID:34904924", 1), [
 ("The authors profiled the immune transcriptome of glioma biopsies, taking the latest WHO CNS classification into account.", F, "", ["abbreviation"]),
])
add(("PMID:34904924", 2), [
 ("The tumour immune microenvironment did not differ by IDH mutation status.", G, "it differs", ["plain"]),
 ("The authors show that combining IDH inhibitors with checkpoint blockade improves survival in IDH-mutant glioma.", C, "no such result", ["causal"]),
])
add(("PMID:27979383", 3), [
 ("In OAK, median overall survival in the ITT population was 13.8 months with atezolizumab against 9.6 months with docetaxel (HR 0.73).", F, "", ["acronym_from_title", "comparison"]),
])
add(("PMID:27979383", 4), [
 ("In OAK, even patients with low or undetectable PD-L1 (TC0 and IC0) lived longer on atezolizumab, 12.6 against 8.9 months.", F, "", ["acronym_from_title", "comparison"]),
])
add(("PMID:27979383", 5), [
 ("Treatment-related grade 3 or 4 adverse events were nearly three times as frequent with docetaxel (247 of 578) as with atezolizumab (90 of 609).", F, "", ["words_number", "x_of_y", "comparison"]),
 ("In OAK, grade 3 or 4 treatment-related adverse events occurred in 90 of 578 patients on atezolizumab.", N, "90 of 609", ["x_of_y", "acronym_from_title"]),
 ("In OAK, the survival benefit of atezolizumab was seen in non-squamous but not in squamous disease.", G, "similar in both histologies", ["comparison", "acronym_from_title"]),
])
add(("PMID:28278348", 1), [
 ("Four serial sections from each of 90 archival NSCLCs were stained at three sites with 28-8, 22c3, SP142 and E1L3N.", F, "", ["words_number", "joined_facts"]),
 ("Thirteen pathologists scored the slides, estimating the percentage of tumour and immune cells expressing PD-L1.", F, "", ["words_number"]),
])
add(("PMID:28278348", 3), [
 ("SP142 was the outlier, with a mean tumour-cell score of 2.96 against an overall mean of 2.85.", N, "SP142 1.99; 2.96 is 22c3", ["comparison"]),
])
add(("PMID:28278348", 4), [
 ("The 28-8 and E1L3N scores differed significantly from each other.", G, "not significantly different", ["comparison"]),
])
add(("PMID:28278348", 6), [
 ("Three of the four tests were concordant and reproducible for tumour-cell PD-L1, but pathologists agreed poorly on immune cells.", F, "", ["words_number", "x_of_y", "joined_facts"]),
 ("The authors conclude that the four assays are interchangeable for immune-cell PD-L1 scoring.", C, "poor concordance for immune cells", ["plain"]),
])
add(("PMID:22658128", 2), [
 ("Of the 207 patients treated, 75 had NSCLC and 55 melanoma; responses came in 9 of 52 evaluable melanoma patients and 5 of 49 with NSCLC.", F, "", ["x_of_y", "joined_facts"]),
 ("About one patient in eleven had grade 3 or 4 treatment-related toxic effects.", F, "", ["words_number", "rounded"]),
 ("Objective responses were seen in 2 of 17 patients with ovarian cancer.", N, "1 of 17; 2 of 17 was renal-cell", ["x_of_y"]),
 ("Objective responses were seen in melanoma, renal-cell, non-small-cell lung and pancreatic cancer.", M, "ovarian, not pancreatic", ["plain"]),
])
add(("PMID:22658128", 3), [
 ("Half of the 16 patients with at least a year of follow-up had responses lasting a year or more.", F, "", ["words_number", "x_of_y"]),
])
add(("PMID:28835513", 0), [
 ("Keytruda was approved in October 2016 first-line for metastatic NSCLC with a TPS of 50% or more and no EGFR or ALK aberrations, and after platinum chemotherapy for tumours with a TPS of at least 1%.", F, "", ["brand_name", "joined_facts"]),
 ("First-line pembrolizumab was also approved for tumours with EGFR or ALK aberrations.", G, "only without EGFR/ALK aberrations", ["plain"]),
])
add(("PMID:28835513", 1), [
 ("In KEYNOTE-024, pembrolizumab 200 mg every three weeks cut the risk of death by 40% (HR 0.60) and the risk of progression or death by half (HR 0.50) in untreated patients.", F, "", ["words_number", "rounded", "joined_facts"]),
])
add(("PMID:28835513", 2), [
 ("This was the first FDA approval of a checkpoint inhibitor for first-line treatment of lung cancer.", F, "", ["plain"]),
 ("In KEYNOTE-010, the OS hazard ratio for pembrolizumab 2 mg/kg against chemotherapy was 0.61.", N, "0.71; 0.61 was 10 mg/kg", ["plain"]),
 ("In KEYNOTE-010, patients progressing after platinum chemotherapy got pembrolizumab 2 or 10 mg/kg or paclitaxel every three weeks.", M, "docetaxel", ["words_number"]),
])
add(("PMID:29863955", 2), [
 ("In the WT population, median PFS was 8.3 months with ABCP against 6.8 months with BCP (HR 0.62), and in Teff-high patients 11.3 against 6.8 months.", F, "", ["joined_facts", "comparison"]),
 ("In the WT population, 356 patients were assigned to ABCP and 356 to BCP.", N, "336 to BCP", ["plain"]),
])
add(("PMID:29863955", 3), [
 ("Median overall survival in the WT population was about four and a half months longer with ABCP, 19.2 against 14.7 months (HR 0.78).", F, "", ["words_number", "rounded", "comparison"]),
 ("ABCP prolonged PFS in the whole ITT population but not in patients with liver metastases.", G, "also longer with liver metastases", ["comparison"]),
])
add(("PMID:29863955", 1), [
 ("Patients were randomized to ACP, BCP or ABCP every three weeks for four or six cycles, then maintenance with atezolizumab, bevacizumab or both.", F, "", ["words_number", "abbreviation"]),
])
add(("PMID:33113953", 0), [
 ("CD123, the interleukin-3 receptor alpha chain, is overexpressed in AML, BPDCN, ALL, hairy cell leukaemia and systemic mastocytosis.", F, "", ["abbreviation"]),
 ("Because CD123 is upregulated in leukemic stem cells compared with normal hematopoietic stem cells, it may serve as a diagnostic and therapeutic biomarker.", F, "", ["causal", "hedged"]),
 ("Tagraxofusp is approved for patients with systemic mastocytosis.", M, "BPDCN", ["plain"]),
 ("Tagraxofusp has been shown to improve overall survival in AML.", C, "approved for BPDCN; no AML survival data", ["plain"]),
])
add(("PMID:33113953", 1), [
 ("Trials are testing CD123 CAR T cells, monoclonal antibodies, CD3-CD123 dual-affinity retargeting antibodies, recombinant fusion proteins and CD123-engager T cells.", F, "", ["paraphrase"]),
])
add(("X:77b5ed323d35", 0), [
 ("CLEC12A is selectively expressed by myeloid cells, including both mDCs and pDCs.", F, "", ["abbreviation"]),
])
add(("X:77b5ed323d35", 1), [
 ("CLEC12A antibody targeting did not impair DC maturation or function, and KLH delivered through CLEC12A boosted proliferation and cytokine secretion of KLH-experienced CD4+ T cells.", F, "", ["joined_facts", "negation_elsewhere", "abbreviation"]),
 ("CLEC12A-targeted delivery of the WT1 long peptide led to cross-presentation and activation of specific CD8+ T cells.", M, "HA-1 long peptide", ["plain"]),
 ("After internalization, CLEC12A was not routed to the lysosomes.", G, "routes to the lysosomes", ["plain"]),
 ("HA-1-specific CD8+ T cells were activated in vivo in patients after stem cell transplantation.", C, "ex vivo activation", ["population"]),
])
add(("PMID:26629423", 0), [
 ("EGFR, ALK and ROS-1 targeted therapies have improved PFS over chemotherapy, and in selected populations OS as well.", F, "", ["joined_facts", "comparison"]),
 ("How these agents should be used in non-metastatic disease or with radiotherapy is not well defined.", F, "", ["negation_elsewhere"]),
 ("Immunotherapies against CTLA-4 and PD-L1 have shown improved survival compared with chemotherapy in NSCLC.", M, "PD-1 and PD-L1", ["comparison"]),
])
add(("PMID:26629423", 1), [
 ("Radiotherapy in the oligoprogressive setting may overcome acquired resistance in a specific lesion, letting patients stay on their targeted therapy.", F, "", ["hedged"]),
 ("Combining radiotherapy with immunotherapy produces abscopal responses in most patients.", C, "may lead to, in select patients", ["plain"]),
])
add(("PMID:37934000", 0), [
 ("Basket trials test a therapy across several cancer types that share a molecular alteration or biomarker, regardless of histology.", F, "", ["paraphrase"]),
 ("Basket trials enrol patients by tumour histology rather than by molecular alteration.", G, "irrespective of histology", ["plain"]),
])
add(("PMID:37934000", 1), [
 ("Basket trials that led to FDA approvals for uncommon alterations such as NTRK fusions, BRAF mutations and RET alterations are discussed, among them VE-BASKET, LIBRETTO-001 and ARROW.", F, "", ["joined_facts"]),
 ("ROAR Basket, LOXO-TRK and KEYNOTE-158 are among the basket trials discussed.", M, "KEYNOTE-158 not among them", ["plain"]),
])


if __name__ == "__main__":
    write_set(S, "s6-", ROOT / "benchmarks/support/sentences_6.jsonl")
