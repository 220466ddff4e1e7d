# ruff: noqa: E501  (one hand-written sentence a line)
"""Hand-written sentences (seventh set) against titled PubMed abstracts of corpus/pubmed/immunotherapy_abstracts.jsonl,
forty of them, chosen among the abstracts the earlier sets use least: twenty-seven that no earlier set uses (reviews, a
case report, laboratory papers) and thirteen with many figures (trials, FDA approval summaries, cohort and laboratory
studies) that exactly one earlier set uses, none of them used by set 6. Twenty are passages whole and twenty are cut into
200-token chunks (rag.chunk.chunker.chunk_document, by index), each sentence against the chunk that holds its fact; the
title travels with the passage. Written as clinicians and students summarise papers: two facts joined, numbers in
words, rounded or as "x of y" where the abstract gives a percentage (or the reverse), ranges, hedges, a trial acronym,
a negation the abstract states elsewhere, synonyms. Half are faithful; half carry exactly one planted error, 25 of each
kind: a number (a changed figure, a wrong denominator, the figure of another arm or subgroup, two groups' figures
swapped), a name (drug, gene, trial, tumour), a negation (a result turned around), a claim the passage does not make
(conclusion, causal link, comparison, population, direction, strength).
Writes benchmarks/support/sentences_7.jsonl (ids s7-001...; same fields and split rule as the other sets)."""
from sentence_sets import ROOT, C, F, G, M, N, write_set

# (passage key, sentence, error kind or None, detail, features); a key is a doc_id (the whole abstract) or
# (doc_id, chunk index)
S = []


def add(key, rows):
    for sentence, kind, detail, feats in rows:
        S.append((key, sentence, kind, detail, feats + (["chunk"] if isinstance(key, tuple) else [])))


# ---- whole abstracts ----
add("PMID:25891174", [
 ("In KEYNOTE-001 the 495 patients were split into a training group of 182 and a validation group of 313.", F, "", ["joined_facts", "acronym"]),
 ("Roughly one in five patients overall had tumour shrinkage meeting response criteria, and responses lasted a median of about a year.", F, "", ["rounded", "words_number", "joined_facts", "synonym"]),
 ("Fatigue, itching and loss of appetite were the common side effects, with no clear difference by dose or schedule.", F, "", ["paraphrase", "negation_elsewhere"]),
 ("In the validation group, patients with a proportion score of at least 50% had a response rate of 19.4%.", N, "45.2%; 19.4% is all patients", ["plain"]),
 ("Among all the patients, median progression-free survival was 6.3 months.", N, "3.7 months; 6.3 is the PS>=50% subgroup", ["plain"]),
])
add("PMID:29874546", [
 ("The trial closed early for lack of efficacy after only eleven of the twenty-five planned patients had been treated.", F, "", ["words_number", "x_of_y"]),
 ("Roughly three quarters of the patients had PD-L1 expression of 50% or more, and about two thirds had sensitizing EGFR mutations.", F, "", ["rounded", "words_number", "joined_facts"]),
 ("The single responder turned out, on repeat analysis, not to have had an EGFR mutation at all.", F, "", ["negation_elsewhere", "paraphrase"]),
 ("Of the 11 patients treated, 2 had an objective response.", N, "1 patient (9%)", ["x_of_y"]),
 ("Eighty-two percent of the trial patients had PD-L1 expression of 50% or more.", N, "73%; 82% were treatment naive", ["words_number"]),
])
add("PMID:37101895", [
 ("About one in eight NSCLC patients is thought to carry KRAS G12C, and sotorasib won conditional FDA approval in May 2021.", F, "", ["rounded", "words_number", "joined_facts"]),
 ("In CodeBreaK 200, sotorasib extended median PFS by roughly a month over docetaxel, 5.6 against 4.5 months.", F, "", ["acronym", "rounded", "comparison"]),
 ("Most patients had only grade 1-2 side effects, chiefly diarrhoea and nausea.", F, "", ["range", "paraphrase"]),
 ("The phase II sotorasib trial gave a confirmed response rate of 32% and a median PFS of 6.8 months.", N, "phase II response 37.1%; 32% was phase I", ["joined_facts"]),
 ("Adagrasib gained accelerated approval on the basis of the CodeBreaK 100 study, with a 43% response rate.", M, "KRYSTAL-1 study", ["plain"]),
])
add("PMID:30171197", [
 ("Thirty-one of 11,502 tumours, roughly a quarter of a percent, carried an NTRK fusion.", F, "", ["words_number", "rounded", "x_of_y"]),
 ("Gliomas had the most fusions, 14 of 982 (1.4%), most often involving NTRK2.", F, "", ["x_of_y"]),
 ("Pan-Trk staining was strong in nearly all NTRK1 and NTRK2 fusion cases but in only about half of the NTRK3 cases.", F, "", ["rounded", "comparison", "joined_facts"]),
 ("The most common fusion was ETV6:NTRK3, seen in 6 cases.", N, "10 cases; 6 was TPM3:NTRK1", ["plain"]),
 ("PD-L1 expression was found in 29% of the NTRK-fused cases.", N, "23%; 29% had no other alteration", ["plain"]),
])
add("PMID:26134220", [
 ("At least four PD-1/PD-L1 drugs are in development, each with its own PD-L1 IHC assay, which worries pathologists and oncologists alike.", F, "", ["words_number", "paraphrase"]),
 ("Each assay uses a different antibody clone, made by one of two diagnostics companies, on its own proprietary staining platform.", F, "", ["joined_facts", "words_number"]),
 ("Only one of the tests also scores PD-L1 on tumour-infiltrating immune cells.", F, "", ["words_number"]),
 ("The European Society of Pathology raises the prospect of harmonising and standardising PD-L1 testing.", M, "IASLC Pathology Committee", ["plain"]),
 ("All the assays share a single definition of a positive PD-L1 test.", G, "different definitions of positive", ["plain"]),
])
add("PMID:34788131", [
 ("IL-35, an inhibitory cytokine of the IL-12 family, suppresses T-cell proliferation and induces iTr35 cells that limit inflammation.", F, "", ["abbreviation", "joined_facts"]),
 ("The review covers IL-35 in autoimmune disease, infection and cancer, and asks whether it could serve as a biomarker or a therapy.", F, "", ["paraphrase"]),
 ("IL-35 belongs to the IL-17 family of cytokines.", M, "IL-12 family", ["plain"]),
 ("IL-35 is a pro-inflammatory cytokine that boosts T-cell proliferation.", G, "inhibitory; suppresses proliferation", ["plain"]),
 ("IL-35 blockade has already been approved as a cancer immunotherapy.", C, "only potential and barriers discussed", ["plain"]),
])
add("PMID:33466360", [
 ("Several KRAS G12C inhibitors, sotorasib and adagrasib among them, have reached clinical trials and show early signs of efficacy.", F, "", ["paraphrase"]),
 ("Drug resistance is expected to limit these agents, and preclinical studies of G12C inhibitors already show it.", F, "", ["joined_facts", "hedged"]),
 ("Combination partners discussed include SHP2, receptor tyrosine kinases, downstream effectors and PD-1/PD-L1.", F, "", ["plain"]),
 ("Combination targets discussed include SOS1, receptor tyrosine kinases and PD-1/PD-L1.", M, "SHP2, not SOS1", ["plain"]),
 ("Adagrasib was more effective than sotorasib in the early trials.", C, "no comparison made", ["comparison"]),
])
add("X:55bc01d1ecb6", [
 ("The thesis compared intact IgG with F(ab')2 fragments of cG250 for radioimmunotherapy of renal cell cancer.", F, "", ["abbreviation", "paraphrase"]),
 ("Two cycles of RIT were assessed for safety and efficacy in nephrectomised patients with stage IV disease.", F, "", ["words_number"]),
 ("The safety and efficacy of three cycles of RIT were established in patients with stage IV disease.", N, "two cycles", ["words_number"]),
 ("An additive effect was sought between RIT and the cytokines IL-2, IFN-alpha and TNF-alpha.", M, "IFN-gamma, not TNF-alpha", ["plain"]),
 ("cG250 immuno-PET proved more accurate than FDG-PET for detecting RCC metastases.", C, "both explored; no comparison", ["comparison"]),
])
add("PMID:34715449", [
 ("KRAS, a proto-oncogene of the RAS-MAPK pathway, is mutated in lung, colorectal and pancreatic cancer among others.", F, "", ["joined_facts"]),
 ("Sotorasib's conditional approval helps only the G12C subset, and resistance to G12C inhibitors will eventually arise.", F, "", ["paraphrase", "joined_facts"]),
 ("Besides G12C inhibitors, the review covers vaccines, adoptive T-cell therapy, PROTACs and CRISPR/Cas9 against KRAS.", F, "", ["abbreviation"]),
 ("G12C accounts for most KRAS mutations.", G, "only a fraction", ["plain"]),
 ("Until the approval of adagrasib there was no targeted therapy for KRAS.", M, "sotorasib", ["negation_elsewhere"]),
])
add("PMID:34161002", [
 ("Anti-PD1, alone or with anti-CTLA4, gave better response and survival rates than chemotherapy.", F, "", ["paraphrase", "comparison"]),
 ("Combining anti-PD1 and anti-CTLA4 looks the most effective option for metastatic melanoma but brings more frequent and more serious immune side effects.", F, "", ["joined_facts", "comparison", "synonym"]),
 ("Adjuvant anti-PD1 helps prevent relapse after resection of stage III or IV melanoma.", F, "", ["paraphrase"]),
 ("Immune-related toxicity was no more frequent with the anti-PD1/anti-CTLA4 combination.", G, "more frequent and serious", ["comparison"]),
 ("Neoadjuvant anti-PD1 is now the standard of care for stage II melanoma.", C, "only studies underway", ["plain"]),
])
add("PMID:37989956", [
 ("Melanoma is the leading cause of skin-cancer death in the USA, and checkpoint blockade has become central to treating it over the past decade.", F, "", ["joined_facts", "paraphrase"]),
 ("The review explains the rationale for PD-1 blockade combined with anti-CTLA-4 or anti-LAG-3.", F, "", ["plain"]),
 ("Checkpoint blockade has reshaped treatment of both resectable and advanced (unresectable or metastatic) melanoma.", F, "", ["paraphrase"]),
 ("Experimental partners for PD-1 blockade include anti-TIM-3 antibodies, TLR-9 agonists and mRNA vaccines.", M, "anti-TIGIT", ["plain"]),
 ("The review concludes that PD-1 blockade plus mRNA vaccines outperforms the anti-CTLA-4 combination.", C, "no such comparison", ["comparison"]),
])
add("PMID:24907378", [
 ("IL-2 can produce durable, complete and apparently curative regressions in metastatic melanoma and kidney cancer.", F, "", ["paraphrase"]),
 ("Growing TILs in IL-2 led to cell transfer therapies that work well in melanoma, and T cells engineered with TCR or CAR genes have taken this to other cancers.", F, "", ["joined_facts", "abbreviation"]),
 ("IL-2 gave the first reproducible, effective immunotherapies for human cancer.", F, "", ["paraphrase"]),
 ("IL-2 expands T cells but at the cost of their functional activity.", G, "with maintenance of function", ["plain"]),
 ("IL-2 cures most patients with metastatic melanoma.", C, "can lead to curative regressions; no proportion", ["plain"]),
])
add("PMID:25245761", [
 ("Two tools, the differential agretopic index and the stability of the MHC I-peptide interaction, picked out the few protective neoepitopes among hundreds of candidates.", F, "", ["joined_facts", "words_number"]),
 ("The protective neoepitopes drove CD8-dependent immunity even though they bound K(d) orders of magnitude more weakly than the usual 500 nM threshold.", F, "", ["paraphrase", "negation_elsewhere"]),
 ("The protective neoepitopes bound K(d) far less tightly than the 50 nM threshold usually thought reasonable.", N, "500 nM", ["plain"]),
 ("The mutations in the identified neoepitopes made the peptide more flexible.", G, "more rigid", ["plain"]),
 ("The protective neoepitopes elicited CD4-dependent immunity.", M, "CD8-dependent", ["plain"]),
])
add("PMID:28060726", [
 ("NIR-PIT damaged the cell membrane quickly and irreversibly, so that water rushed in and the cells swelled and burst.", F, "", ["paraphrase", "causal"]),
 ("Treated cells moved calreticulin, Hsp70 and Hsp90 to the surface and released ATP and HMGB1, after which immature dendritic cells matured.", F, "", ["joined_facts"]),
 ("NIR-PIT relocated calreticulin, Hsp70 and Hsp27 to the cell surface.", M, "Hsp90, not Hsp27", ["plain"]),
 ("The membrane damage caused by NIR-PIT was slow and reversible.", G, "rapid and irreversible", ["plain"]),
 ("By inducing immunogenic cell death, NIR-PIT produced complete tumour regressions in patients.", C, "no patient data", ["population", "causal"]),
])
add("PMID:37666686", [
 ("The authors list three main modalities for NSCLC: chemotherapy, tyrosine kinase inhibitors and immune checkpoint inhibitors.", F, "", ["words_number"]),
 ("TKIs have been used for more than ten years in EGFR-positive tumours, and PD-L1 expression has been linked with how well checkpoint inhibitors work.", F, "", ["words_number", "joined_facts", "paraphrase"]),
 ("Tyrosine kinase inhibitors have been used for less than five years in EGFR-positive tumours.", N, "more than a decade", ["words_number"]),
 ("The authors conclude that sotorasib given after a checkpoint inhibitor causes hepatotoxicity.", C, "title asks; abstract only says they will comment", ["causal", "title"]),
 ("Non-small cell lung cancer is now mostly diagnosed at an early stage.", G, "still diagnosed late", ["plain"]),
])
add("PMID:30245770", [
 ("The authors report a patient with metastatic melanoma who developed Miller Fisher syndrome in association with ipilimumab and nivolumab.", F, "", ["title", "joined_facts"]),
 ("Immune-mediated adverse events of cancer immunotherapy are increasingly recognised.", F, "", ["paraphrase"]),
 ("Ipilimumab antagonises the PD-1 pathway and nivolumab antagonises CTLA-4.", M, "targets swapped", ["plain"]),
 ("The report describes two patients who developed Miller Fisher syndrome.", N, "one patient", ["words_number"]),
 ("Miller Fisher syndrome is the most common neurological adverse event of checkpoint inhibitors.", C, "no frequency stated", ["plain"]),
])
add("PMID:34590053", [
 ("Sotorasib irreversibly locks KRAS G12C in its inactive state and induces a proinflammatory microenvironment.", F, "", ["paraphrase"]),
 ("This is reported as the first case of life-threatening hepatitis soon after starting sotorasib, with a biopsy consistent with a checkpoint-inhibitor immune-related adverse event.", F, "", ["words_number", "joined_facts"]),
 ("The authors suggest that sotorasib-triggered checkpoint-inhibitor hepatitis should be considered in patients with sotorasib hepatotoxicity.", F, "", ["hedged"]),
 ("The liver biopsy was not consistent with a checkpoint-inhibitor adverse event.", G, "biopsy was consistent", ["plain"]),
 ("The authors recommend avoiding sotorasib after checkpoint inhibitor therapy.", C, "only urge consideration of the diagnosis", ["plain"]),
])
add("PMID:12242449", [
 ("After nonmyeloablative conditioning, highly selected tumour-reactive T cells against self differentiation antigens were given to patients with metastatic melanoma.", F, "", ["paraphrase"]),
 ("The transferred cells multiplied in vivo, stayed functional and reached tumour sites, and the melanoma regressed along with autoimmune destruction of melanocytes.", F, "", ["joined_facts", "paraphrase"]),
 ("The transferred T cells did not persist in the patients.", G, "persistent clonal repopulation", ["plain"]),
 ("The approach was tested in patients with HIV-related AIDS.", C, "only proposed as a possibility", ["population"]),
 ("The transferred T cells were directed against overexpressed cancer-testis antigens.", M, "self-derived differentiation antigens", ["plain"]),
])
add("PMID:26715941", [
 ("Because immunotherapy produces response patterns unlike those of chemotherapy, WHO criteria and RECIST do not capture them.", F, "", ["causal", "negation_elsewhere"]),
 ("The authors argue that developing immunotherapy may require adjusting clinical trial endpoints.", F, "", ["hedged", "paraphrase"]),
 ("Immunotherapy response patterns are well captured by RECIST.", G, "not captured", ["plain"]),
 ("Revisiting nivolumab results in melanoma can help evaluate the immune-related response criteria.", M, "pembrolizumab", ["title"]),
 ("Pembrolizumab response rates in melanoma roughly doubled when assessed by irRC rather than RECIST.", C, "no figures or result stated", ["rounded"]),
])
add("PMID:35769466", [
 ("Mutant IDH can inhibit both the classical and the alternative complement pathways and directly inhibit T-cell responses through 2-HG.", F, "", ["joined_facts", "abbreviation"]),
 ("The immune microenvironment is described as playing a crucial role in the malignant progression of IDH-mutant gliomas.", F, "", ["paraphrase"]),
 ("According to the review, IDH has shown clinically relevant efficacy as a potential immunotherapy target.", F, "", ["plain"]),
 ("The review summarises immunotherapy progress in IDH-wildtype glioblastoma.", M, "IDH-mutant glioma", ["plain"]),
 ("Mutant IDH activates the classical and alternative complement pathways.", G, "inhibits them", ["plain"]),
])

# ---- 200-token chunks ----
add(("DOI:10.1158/0008-5472.can-14-3477", 0), [
 ("The anti-PD-L1 antibody PD-L1.3.1 was labelled with indium-111 and characterised on PD-L1-expressing MDA-MB-231 cells.", F, "", ["abbreviation"]),
])
add(("DOI:10.1158/0008-5472.can-14-3477", 1), [
 ("The best imaging dose was 1 µg or less, with the clearest tumour-to-normal contrast on days three and seven after injection.", F, "", ["words_number", "joined_facts"]),
 ("The optimal imaging dose of 111In-PD-L1.3.1 was up to 10 µg.", N, "<= 1 µg", ["plain"]),
 ("SPECT/CT showed clear uptake in the PD-L1-low tumours SUM149, BT474 and MCF-7.", G, "no specific uptake", ["plain"]),
])
add(("DOI:10.1158/0008-5472.can-14-3477", 2), [
 ("This study shows that 111In-PD-L1.3.1 imaging predicts which patients will respond to anti-PD-1 therapy.", C, "xenografts; may enable selection", ["population", "causal"]),
])
add(("PMID:35600050", 0), [
 ("PCBP1-AS1 was clearly lower in LUAD than in non-tumour tissue, and low levels went with advanced stage and poor prognosis.", F, "", ["joined_facts", "abbreviation"]),
 ("Higher PCBP1-AS1 expression caused resistance to immune checkpoint inhibitors.", C, "no such causal finding", ["causal"]),
])
add(("PMID:35600050", 1), [
 ("The two-eRNA model, built from PCBP1-AS1 and TBX5-AS1, sorted patients so that those with high risk scores lived less long.", F, "", ["words_number", "synonym", "title"]),
 ("The prognostic model combined PCBP1-AS1 with HOTAIR.", M, "TBX5-AS1", ["plain"]),
 ("In multivariable Cox analysis, the risk score was not an independent predictor in LUAD.", G, "was an independent factor", ["plain"]),
])
add(("DOI:10.1007/s00262-016-1796-7", 0), [
 ("Twenty-eight stage III-IV melanoma patients got VAC-DC, twelve intranodally and sixteen intradermally plus intravenously.", F, "", ["words_number", "joined_facts", "range"]),
 ("The DCs were matured with prophylactic vaccines (BCG, Typhim, Act-HIB) plus prostaglandin E2 and loaded with KLH and mRNA for gp100 and tyrosinase.", F, "", ["joined_facts"]),
 ("Sixteen patients were vaccinated intranodally and twelve by combined intradermal/intravenous injection.", N, "12 intranodal, 16 id/iv; swapped", ["words_number"]),
])
add(("DOI:10.1007/s00262-016-1796-7", 1), [
 ("Tumour antigen-specific responses were seen after intranodal but not after intradermal/intravenous injection.", G, "seen after both routes", ["comparison"]),
 ("The grade 2-3 toxicity, most likely due to BCG, settled on its own or with a short course of steroids, yet it rules out general use of VAC-DC.", F, "", ["range", "joined_facts", "paraphrase"]),
])
add(("PMID:33145316", 0), [
 ("Most patients do not respond to checkpoint inhibitors or progress early, and the gut flora differs between good and poor responders.", F, "", ["joined_facts", "paraphrase"]),
 ("In FMT experiments, mice given faeces from good responders had smaller tumours and better PFS.", F, "", ["abbreviation", "paraphrase"]),
 ("Gut flora composition did not differ between good and poor responders.", G, "differences reported", ["plain"]),
])
add(("PMID:33145316", 1), [
 ("The review covers the intestinal flora in immunotherapy with anti-PD1, anti-PD-L1 and anti-LAG-3 antibodies.", M, "anti-CTLA-4", ["plain"]),
 ("'Beneficial bacteria' seem enriched in good ICI responders and could potentially serve as a marker and as an adjuvant.", F, "", ["hedged"]),
])
add(("PMID:37564637", 0), [
 ("MuSK-MG antibodies are mostly IgG4, whereas AChR-MG, the commonest form, involves IgG1 and IgG3.", F, "", ["joined_facts", "comparison"]),
 ("IgG4 autoantibodies fix complement strongly.", G, "impotent to fix complement", ["plain"]),
])
add(("PMID:37564637", 1), [
 ("Thymus involvement is not prominent in MuSK-MG, unlike AChR-MG.", F, "", ["negation_elsewhere", "comparison"]),
 ("Patients with MuSK-MG respond exceptionally well to IVIG and rituximab.", M, "plasmapheresis; IVIG usually less effective", ["joined_facts"]),
])
add(("PMID:37564637", 2), [
 ("CAAR-T cells have produced remissions in patients with MuSK-MG.", C, "only described as a milestone in development", ["population"]),
])
add(("PMID:35083149", 0), [
 ("KRAS is the most frequently altered oncogene in NSCLC and was long considered undruggable.", F, "", ["joined_facts"]),
 ("A newly found pocket under the switch II region of KRAS G12C made direct inhibitors possible, sotorasib being the first FDA-approved one.", F, "", ["paraphrase"]),
 ("Adagrasib was the first FDA-approved drug targeting KRAS G12C.", M, "sotorasib", ["plain"]),
])
add(("PMID:35083149", 1), [
 ("The best first-line strategy for KRAS-mutant NSCLC has now been established.", G, "remains to be determined", ["plain"]),
 ("Co-mutations have been shown to predict resistance to sotorasib.", C, "only an area of interest for treatment selection", ["plain"]),
])
add(("PMID:27345592", 0), [
 ("Targeted therapies and checkpoint inhibitors have drastically changed the treatment of metastatic melanoma.", F, "", ["paraphrase"]),
 ("Radiotherapy has been combined with ICI in both preclinical and clinical studies, many still ongoing.", F, "", ["plain"]),
])
add(("PMID:27345592", 1), [
 ("The first part of the review is narrative, the second a systematic review of published clinical results of ICI plus RT in advanced melanoma.", F, "", ["words_number", "joined_facts"]),
 ("Both parts of the review followed a systematic methodology.", G, "first part narrative, non-systematic", ["plain"]),
])
add(("PMID:27345592", 2), [
 ("Large randomised trials have confirmed the synergy between radiation and ICI in melanoma.", C, "retrospective series and few prospective trials; potential synergy", ["strength"]),
])
add(("DOI:10.1007/s00018-012-1159-2", 0), [
 ("Monitoring immune responses is hard because they span several compartments, from peripheral tissues and lymph nodes to vessels and the tumour, and immune cells keep circulating.", F, "", ["joined_facts", "paraphrase"]),
 ("Immune cells stay static in the lymph nodes, which makes them easy to image.", G, "constantly circulate", ["plain"]),
])
add(("DOI:10.1007/s00018-012-1159-2", 1), [
 ("Molecular imaging is seen as the favourite candidate for the job.", F, "", ["paraphrase"]),
 ("The review weighs the strengths and limitations of current clinical imaging techniques and sketches future directions.", F, "", ["paraphrase", "joined_facts"]),
 ("The authors conclude that PET is the best technique for imaging anticancer immune responses.", C, "no technique ranked", ["comparison"]),
])
add(("PMID:37237548", 1), [
 ("Of 367 papers found, 25 studies went into the final qualitative analysis.", F, "", ["x_of_y"]),
 ("The systematic review followed PRISMA-P and found growing evidence that M2 macrophages and non-coding RNAs promote chemo- and radioresistance.", F, "", ["joined_facts", "abbreviation"]),
 ("The final qualitative analysis included 36 of the 367 papers identified.", N, "25 studies", ["x_of_y"]),
])
add(("PMID:37237548", 0), [
 ("The review looked at resistance promoted by glioma stem cells and the TME, including the role of M1 macrophages.", M, "M2 macrophages", ["plain"]),
 ("Glioblastoma's invasiveness hampers radical surgery and can account for recurrence.", F, "", ["paraphrase"]),
])
add(("PMID:36675641", 0), [
 ("Chemotherapy was first recommended for KRAS-mutant cancers, later replaced by or combined with immunotherapy.", F, "", ["paraphrase"]),
 ("Inhibitors of non-G12C KRAS subtypes are still at a relatively early stage of development.", F, "", ["plain"]),
 ("Adagrasib was approved by the FDA on the strength of its efficacy in multiple clinical studies.", M, "sotorasib", ["plain"]),
 ("KRAS inhibitor monotherapy has shown no sign of resistance.", G, "accumulated possible resistance", ["plain"]),
])
add(("PMID:36675641", 1), [
 ("The review concludes that next-generation KRAS inhibitors overcome resistance to sotorasib.", C, "only explored", ["plain"]),
])
add(("PMID:26984449", 0), [
 ("The FDA extended nivolumab to nonsquamous NSCLC on 9 October 2015, after a review of a little over three months.", F, "", ["rounded", "words_number"]),
])
add(("PMID:26984449", 1), [
 ("In CheckMate 057, patients on nivolumab lived a median of 12.2 months against 9.4 with docetaxel (HR 0.73).", F, "", ["synonym", "comparison"]),
 ("The objective response rate was 19% with nivolumab and 15% with docetaxel.", N, "12% with docetaxel", ["comparison"]),
])
add(("PMID:26984449", 2), [
 ("Responses lasted far longer with nivolumab, a median of 17 against 6 months, though progression-free survival did not differ significantly.", F, "", ["joined_facts", "comparison", "negation_elsewhere"]),
 ("In PD-L1-negative tumours, nivolumab gave longer overall survival than docetaxel.", G, "similar OS", ["comparison"]),
])
add(("PMID:26981775", 0), [
 ("hYP218, a recently humanised high-affinity anti-mesothelin antibody, was conjugated to IR700 and killed A431/H9 cells specifically in vitro.", F, "", ["joined_facts"]),
])
add(("PMID:26981775", 1), [
 ("Mice received 100 µg of hYP218-IR700 intravenously, then NIR light at 50 J/cm2 on day 1 and twice that dose on day 2.", F, "", ["words_number", "joined_facts"]),
 ("NIR light was given at 100 J/cm2 on day 1 and 50 J/cm2 on day 2.", N, "50 then 100; swapped", ["plain"]),
 ("Mice received 10 µg of hYP218-IR700 intravenously.", N, "100 µg", ["plain"]),
])
add(("PMID:26981775", 2), [
 ("NIR-PIT with hYP218-IR700 has been shown to work in patients with mesothelioma.", C, "mouse study; could be translated", ["population"]),
])
add(("PMID:28003187", 0), [
 ("High serum ANGPT2 before treatment went with shorter overall survival in patients on CTLA-4 or PD-1 blockade.", F, "", ["paraphrase", "synonym"]),
])
add(("PMID:28003187", 1), [
 ("Ipilimumab plus bevacizumab raised serum ANGPT2 concentrations.", G, "decreased", ["plain"]),
 ("In vitro, bevacizumab blocked VEGF-induced ANGPT2 in tumour endothelial cells, while ANGPT2 raised PD-L1 on M2 macrophages.", F, "", ["joined_facts"]),
 ("Ipilimumab plus nivolumab decreased tumour vascular ANGPT2 expression.", M, "ipilimumab plus bevacizumab", ["plain"]),
])
add(("PMID:28003187", 2), [
 ("Adding an ANGPT2 inhibitor to checkpoint blockade improved survival.", C, "only proposed as rational approach", ["causal"]),
])
add(("PMID:31974915", 1), [
 ("Fifty-five ACLF patients and twenty-one healthy controls took part.", F, "", ["words_number"]),
 ("The study enrolled 55 ACLF patients and 28 healthy controls.", N, "21 controls", ["plain"]),
])
add(("PMID:31974915", 2), [
 ("Serum IL-35 was raised in ACLF, rising with total bilirubin and falling as prothrombin time activity rose.", F, "", ["paraphrase", "joined_facts"]),
 ("Peripheral CD8+ T cells of ACLF patients showed lower PD-1, CTLA-4 and LAG-3 expression.", G, "up-regulated", ["plain"]),
])
add(("PMID:31974915", 3), [
 ("Raised IL-35 dampened both cytolytic and non-cytolytic CD8+ T-cell activity in ACLF.", F, "", ["paraphrase"]),
])
add(("PMID:27026676", 0), [
 ("Pembrolizumab received accelerated approval on 2 October 2015 together with the 22C3 pharmDx companion test.", F, "", ["joined_facts"]),
])
add(("PMID:27026676", 1), [
 ("Among the 61 strongly PD-L1-positive patients, about two in five responded, all partially.", F, "", ["rounded", "words_number"]),
 ("Responses were ongoing in 21 of the 61 patients at the time of analysis.", N, "21 of 25 responders", ["x_of_y"]),
 ("Immune-mediated adverse reactions occurred in 41% of patients.", N, "13%", ["plain"]),
])
add(("PMID:27026676", 2), [
 ("A confirmatory trial has already verified the benefit of pembrolizumab in metastatic NSCLC.", C, "one is required", ["plain"]),
])
add(("PMID:36314719", 0), [
 ("Fifty-one PBC patients and twenty-eight controls were enrolled, and plasma IL-35 was lower in PBC and fell as alkaline phosphatase rose.", F, "", ["words_number", "joined_facts"]),
 ("The study enrolled 51 PBC patients and 21 controls.", N, "28 controls", ["plain"]),
])
add(("PMID:36314719", 1), [
 ("Adding IL-35 cut IL-17 and IL-22 production by CD4+ T cells from PBC patients.", F, "", ["paraphrase"]),
 ("IL-35-treated CD8+ T cells killed more target cells in the direct contact co-culture.", G, "reduced target cell death", ["plain"]),
 ("In vitro, IL-35 suppressed IL-17 and IL-10 production by CD4+ T cells from PBC patients.", M, "IL-22, not IL-10", ["plain"]),
])
add(("PMID:26317305", 0), [
 ("The assay uses the rabbit monoclonal clone 28-8 on Dako's Autostainer Link 48 to detect PD-L1 in FFPE tissue.", F, "", ["abbreviation", "joined_facts"]),
 ("Nivolumab is a fully human IgG1 anti-PD-1 antibody.", M, "IgG4", ["plain"]),
])
add(("PMID:26317305", 1), [
 ("Specificity was checked by antigen competition, PD-L1 deletion in cell lines and a panel of thirty normal tissues.", F, "", ["words_number", "joined_facts"]),
 ("The clinical application was validated in five CLIA-certified labs.", N, "3 labs", ["words_number"]),
])
add(("PMID:26317305", 2), [
 ("The FDA has approved the assay as a companion diagnostic for nivolumab.", C, "still being investigated as an IVD", ["plain"]),
])
add(("PMID:32425919", 0), [
 ("In CT26 tumour-bearing mice, antibiotics after PD-1 antibody treatment cancelled its inhibition of tumour growth.", F, "", ["paraphrase"]),
])
add(("PMID:32425919", 1), [
 ("Vancomycin at 0.25 mg/ml enriched Prevotella_sp._CAG:485 and Akkermansia muciniphila, while colistin was given at 2 mg/ml.", F, "", ["joined_facts"]),
 ("Mice in the Vanc group received vancomycin at 2 mg/ml.", N, "0.25 mg/ml; 2 mg/ml was colistin", ["plain"]),
 ("Akkermansia muciniphila was enriched in the colistin group.", M, "vancomycin group", ["plain"]),
])
add(("PMID:32425919", 2), [
 ("The study shows that faecal transplantation restores PD-1 response in patients with MSS colorectal cancer.", C, "mice; no FMT", ["population"]),
])
add(("PMID:37156483", 0), [
 ("Diagnosis needs at least four of CD4, CD56, CD123, TCL1, TCF4 and CD303, with CD4, CD56 and CD123 the hallmark.", F, "", ["words_number", "joined_facts"]),
])
add(("PMID:37156483", 1), [
 ("Tagraxofusp, interleukin-3 fused to truncated diphtheria toxin, became the first approved CD123-targeted therapy for BPDCN after a phase I/II trial with a 90% response rate.", F, "", ["joined_facts"]),
 ("Tagraxofusp was approved after a phase I/II trial showing a 70% overall response rate.", N, "90%", ["plain"]),
 ("Tagraxofusp was approved by the FDA on December 21, 2019.", N, "2018", ["plain"]),
])
add(("PMID:37156483", 2), [
 ("Capillary leak syndrome is an important adverse effect of venetoclax.", M, "tagraxofusp", ["plain"]),
])
add(("PMID:28630051", 0), [
 ("Only a subset of patients respond to checkpoint blockade, so reliable predictive biomarkers are needed.", F, "", ["causal", "paraphrase"]),
 ("The tumour DNA repair landscape plays an important role in driving response to immune checkpoint blockade.", F, "", ["plain"]),
 ("The review describes clinical efforts to use PD-L1 biomarkers to guide immune-directed therapies.", M, "DNA repair biomarkers", ["plain"]),
])
add(("PMID:28630051", 1), [
 ("Emerging evidence suggests genomic instability goes with response to immune-directed therapies, and DNA repair deficiency is common in tumours.", F, "", ["joined_facts", "hedged"]),
 ("Genomic instability causes tumours to respond to immune-directed therapies.", C, "association only", ["causal"]),
])


if __name__ == "__main__":
    write_set(S, "s7-", ROOT / "benchmarks/support/sentences_7.jsonl")
