# ruff: noqa: E501  (one hand-written sentence a line)
"""Hand-written sentences (fourth set) against real passages of corpus/ that the first three sets do not use: twelve
PubMed abstracts whole (reviews, laboratory and clinical papers) and 200-token chunks (rag.chunk.chunker.chunk_document,
by index) of cancer.gov pages and ClinicalTrials.gov records. Written as clinicians and researchers write about papers:
two facts joined, numbers spelled out, rounded or as fractions ("about a third", "nearly three quarters"), trial
acronyms, the drug as the title names it, hedged and conclusion-style sentences, comparisons between arms. Half are
faithful, half carry exactly one planted error (a number, a name, a negation, a claim the passage does not make).
Writes benchmarks/support/sentences_4.jsonl (ids q001...; same fields and split rule as the other sets)."""
from sentence_sets import ROOT, C, F, G, M, N, write_set  # noqa: F401  (the error kinds the rows use)

# (passage, sentence, error kind or None, detail, features)
S = []


def add(key, rows):
    for r in rows:
        S.append((key,) + r)


# ---- whole abstracts ----
add("PMID:36315377", [
 ("Sotorasib, sold as LUMAKRAS in the USA and LUMYKRAS in the EU, is an oral first-in-class inhibitor of KRAS G12C.", F, "", ["paraphrase"]),
 ("Because it binds KRAS G12C irreversibly, sotorasib shuts down downstream signalling linked to cell growth and differentiation.", F, "", ["paraphrase", "causal"]),
 ("In the phase I/II CodeBreaK 100 trial, sotorasib produced clinically relevant objective responses in previously treated KRAS G12C-positive NSCLC, and the responses were durable in updated analyses.", F, "", ["acronym_from_title", "joins_facts"]),
 ("The reviewers see sotorasib as a promising option for patients whose NSCLC was previously treated with platinum-based chemotherapy or immunotherapy.", F, "", ["hedged"]),
 ("Its tolerability is manageable, with dose modifications allowed to handle toxicity.", F, "", ["paraphrase"]),
 ("In the phase I/II KRYSTAL-1 trial, sotorasib produced clinically relevant response rates in KRAS G12C-positive NSCLC.", M, "CodeBreaK 100", ["acronym_from_title"]),
 ("Sotorasib's activity was shown in the phase II/III CodeBreaK 100 trial.", N, "phase I/II changed to II/III", ["plain"]),
 ("Sotorasib is not approved for previously treated KRAS G12C-positive NSCLC in the EU.", G, "indicated in the EU and the USA", ["plain"]),
 ("Sotorasib is indicated as first-line therapy for untreated KRAS G12C-positive NSCLC.", C, "previously treated", ["plain"]),
 ("In CodeBreaK 100, sotorasib improved overall survival compared with docetaxel.", C, "single-arm response data only", ["comparison"]),
])
add("PMID:26288737", [
 ("Ipilimumab, a CTLA-4 inhibitor approved in 2011 for metastatic melanoma, opened a new era in immuno-oncology.", F, "", ["paraphrase"]),
 ("Pembrolizumab was the first anti-PD-1 antibody approved by the FDA, for unresectable or metastatic melanoma that had progressed after ipilimumab.", F, "", ["abbreviation"]),
 ("For BRAF V600-mutant melanoma, approval also required progression on a BRAF inhibitor.", F, "", ["paraphrase"]),
 ("Pembrolizumab also received breakthrough status for EGFR- and ALK-negative NSCLC that progressed on or after platinum-based chemotherapy.", F, "", ["paraphrase"]),
 ("Several pivotal trials are still under way to define how best to use pembrolizumab alone and in combination.", F, "", ["hedged"]),
 ("Ipilimumab was approved for metastatic melanoma in 2013.", N, "2011 changed to 2013", ["plain"]),
 ("Pembrolizumab was the first anti-PD-1 antibody approved for melanoma progressing after nivolumab.", M, "ipilimumab", ["plain"]),
 ("Agents against the PD-1/PD-L1 axis have not shown significant activity outside melanoma.", G, "significant activity in a variety of other tumor types", ["plain"]),
 ("Pembrolizumab has been approved by the FDA for NSCLC that progressed on platinum-based chemotherapy.", C, "breakthrough status only", ["plain"]),
 ("Pembrolizumab is more effective than ipilimumab in metastatic melanoma, the review concludes.", C, "no comparison made", ["comparison", "hedged"]),
])
add("PMID:20668228", [
 ("A single patient with advanced follicular lymphoma received preparative chemotherapy followed by autologous anti-CD19 CAR T cells.", F, "", ["paraphrase"]),
 ("After the infusion, the lymphoma regressed dramatically and B-cell precursors disappeared from the bone marrow.", F, "", ["joins_facts"]),
 ("Blood B cells stayed absent for at least 39 weeks, even though other blood counts recovered promptly.", F, "", ["negation_elsewhere"]),
 ("Serum immunoglobulins fell to very low levels, in keeping with eradication of B-lineage cells.", F, "", ["paraphrase"]),
 ("The authors argue that the B-cell loss was antigen-specific and could not be explained by the chemotherapy.", F, "", ["hedged", "negation_elsewhere"]),
 ("Blood B cells were absent for at least 29 weeks after the CAR T-cell infusion.", N, "39 changed to 29", ["plain"]),
 ("The patient had advanced mantle cell lymphoma.", M, "follicular lymphoma", ["plain"]),
 ("The prolonged elimination of B-lineage cells could be attributed to the preparative chemotherapy.", G, "could not be attributed", ["plain"]),
 ("Anti-CD19 CAR T cells cured the patient's lymphoma.", C, "dramatic regression, not cure", ["causal"]),
 ("Other blood cell counts took months to recover after the infusion.", C, "prompt recovery", ["plain"]),
])
add("PMID:38072173", [
 ("KRAS G12C-mutant NSCLC responds only partly to covalent KRAS G12C inhibitors.", F, "", ["quantifier"]),
 ("Early adaptive resistance comes from rewired signalling that activates receptor tyrosine kinases, mainly EGFR but also MET.", F, "", ["paraphrase"]),
 ("Sotorasib appears to trigger the MRAS:SHOC2:PP1C complex, whose activation is mainly Scribble-driven and downregulated by HUWE1.", F, "", ["joins_facts", "hedged"]),
 ("STK11/LKB1 co-mutations often accompany KRAS G12C and can undermine anti-PD-1/PD-L1 therapy.", F, "", ["paraphrase"]),
 ("The MRAS complex is reactivated by SHP2.", M, "valosin containing protein (VCP)", ["plain"]),
 ("Early adaptive resistance mainly involves activation of HER2.", M, "EGFR", ["plain"]),
 ("KRAS G12C inhibitors do not trigger the MRAS:SHOC2:PP1C complex.", G, "triggers", ["plain"]),
 ("STK11/LKB1 co-mutations improve the response to immune checkpoint inhibitors.", C, "jeopardize it", ["plain"]),
 ("KRAS G12C-mutant NSCLC responds completely to covalent KRAS G12C inhibitors.", C, "partially", ["quantifier"]),
])
add("PMID:25605845", [
 ("Antibodies against CTLA-4 and the PD-1/PD-L1 pathway have shown promise in a range of cancers.", F, "", ["paraphrase"]),
 ("The FDA has approved ipilimumab, which targets CTLA-4, and pembrolizumab, which targets PD-1, for advanced melanoma.", F, "", ["joins_facts", "abbreviation"]),
 ("Both CTLA-4 and PD-1/PD-L1 blockade bring a distinctive pattern of immune-related adverse events.", F, "", ["paraphrase"]),
 ("Tumours sometimes respond with unusual kinetics under checkpoint blockade.", F, "", ["quantifier"]),
 ("Trials are testing whether combining CTLA-4 and PD-1/PD-L1 blockade works better than either alone.", F, "", ["hedged"]),
 ("Ipilimumab and nivolumab are FDA-approved for advanced melanoma, the authors note.", M, "pembrolizumab", ["plain"]),
 ("Ipilimumab, a PD-1 antibody, is approved for advanced melanoma.", M, "CTLA-4", ["plain"]),
 ("Immune-related adverse events are not associated with CTLA-4 blockade.", G, "associated", ["plain"]),
 ("Combining CTLA-4 and PD-1 blockade has been shown to be more effective than either alone.", C, "being investigated", ["comparison"]),
 ("Ipilimumab and pembrolizumab are approved by the FDA for advanced lung cancer.", M, "advanced melanoma", ["plain"]),
])
add("PMID:32425919", [
 ("In mice with MSS-type CT26 colorectal tumours, antibiotics given after PD-1 antibody treatment counteracted its inhibition of tumour growth.", F, "", ["paraphrase"]),
 ("Colorectal cancer is largely refractory to checkpoint blockers, apart from patients with dMMR tumours.", F, "", ["paraphrase"]),
 ("Akkermansia muciniphila was enriched in mice given vancomycin alone.", F, "", ["paraphrase"]),
 ("The colistin group received 2 mg/ml and the vancomycin group 0.25 mg/ml.", F, "", ["joins_facts"]),
 ("The authors suggest that microbiome changes alter glycerophospholipid metabolism, which may shift IFN-γ and IL-2 in the tumour and so the response to PD-1 antibody.", F, "", ["hedged", "joins_facts"]),
 ("Mice in the vancomycin group were treated with 2.5 mg/ml vancomycin.", N, "0.25 changed to 2.5", ["plain"]),
 ("Akkermansia muciniphila was enriched in the colistin group.", M, "vancomycin group", ["plain"]),
 ("Antibiotics did not reduce the efficacy of PD-1 antibody in the CT26 model.", G, "counteracted", ["plain"]),
 ("The study showed that Akkermansia improves the response to PD-1 antibody in patients with MSS colorectal cancer.", C, "mice; may maintain", ["causal"]),
 ("In the vancomycin group, the metabolites were enriched in the sphingolipid metabolic pathway.", M, "glycerophospholipid", ["plain"]),
])
add("PMID:31974915", [
 ("Fifty-five patients with ACLF and 21 healthy controls were enrolled.", F, "", ["number_in_words"]),
 ("Serum IL-35 was raised in ACLF, correlating positively with total bilirubin and negatively with prothrombin time activity.", F, "", ["joins_facts"]),
 ("CD8+ T cells in ACLF looked exhausted, with more PD-1, CTLA-4 and LAG-3 and less perforin, granzyme B and FasL.", F, "", ["joins_facts"]),
 ("Recombinant IL-35 dampened cytotoxicity and interferon-γ production in both direct and indirect co-culture.", F, "", ["plain"]),
 ("The authors conclude that elevated IL-35 suppresses both cytolytic and non-cytolytic CD8+ T cell activity in ACLF.", F, "", ["hedged"]),
 ("The study enrolled 55 ACLF patients and 12 healthy controls.", N, "21 changed to 12", ["plain"]),
 ("IL-35 stimulation raised PD-1, CTLA-4 and TIM-3 in CD8+ T cells.", M, "LAG3", ["plain"]),
 ("Serum IL-35 did not correlate with total bilirubin.", G, "positively correlated", ["plain"]),
 ("Serum IL-35 was lower in ACLF patients than in healthy controls.", C, "elevated", ["comparison"]),
 ("Blocking IL-35 restored CD8+ T cell function in ACLF patients.", C, "not tested", ["plain"]),
])
add("PMID:36314719", [
 ("Fifty-one PBC patients and 28 controls were enrolled.", F, "", ["number_in_words"]),
 ("Plasma IL-35 was lower in PBC and correlated negatively with alkaline phosphatase.", F, "", ["joins_facts"]),
 ("In vitro, IL-35 suppressed IL-17 and IL-22 production by CD4+ T cells from PBC patients.", F, "", ["plain"]),
 ("CD8+ T cells treated with IL-35 caused less target cell death in direct co-culture, with fewer cytotoxic molecules and more checkpoint receptors.", F, "", ["joins_facts", "paraphrase"]),
 ("The authors suggest that low circulating IL-35 may be too little to restrain T cells, contributing to immune dysregulation in PBC.", F, "", ["hedged"]),
 ("The study enrolled 51 patients with PBC and 38 controls.", N, "28 changed to 38", ["plain"]),
 ("IL-35 suppressed IL-17 and IL-21 production by CD4+ T cells.", M, "IL-22", ["plain"]),
 ("IL-35 treatment did not reduce target cell death mediated by CD8+ T cells from PBC patients.", G, "reduced", ["plain"]),
 ("Plasma IL-35 was higher in PBC patients than in controls.", C, "lower", ["comparison"]),
 ("Low IL-35 was shown to cause primary biliary cholangitis.", C, "might be insufficient; associated", ["causal"]),
])
add("PMID:26981775", [
 ("NIR-PIT with the humanised anti-mesothelin antibody hYP218 conjugated to IR700 killed target cells selectively in vitro.", F, "", ["paraphrase"]),
 ("Mice received 100 μg of hYP218-IR700 intravenously, then NIR light at 50 J/cm2 on day 1 and 100 J/cm2 on day 2.", F, "", ["joins_facts"]),
 ("NIR-PIT significantly slowed tumour growth compared with the control groups (p < 0.001) and prolonged survival (p < 0.0001).", F, "", ["joins_facts", "comparison"]),
 ("The conjugate accumulated well in tumours, with a high tumour-to-background ratio.", F, "", ["paraphrase"]),
 ("On day 2 after injection, the mice received 150 J/cm2 of NIR light.", N, "100 changed to 150", ["plain"]),
 ("Mice were given 10 μg of hYP218-IR700 intravenously.", N, "100 changed to 10", ["plain"]),
 ("The hYP218 antibody was conjugated to indocyanine green.", M, "IR700", ["plain"]),
 ("NIR-PIT did not prolong survival compared with the other groups.", G, "significantly prolonged", ["plain"]),
 ("NIR-PIT with hYP218-IR700 has already been tested in patients with mesothelioma.", C, "mice; could be translated", ["plain"]),
])
add("PMID:26317305", [
 ("The assay uses the rabbit monoclonal anti-PD-L1 clone 28-8 on Dako's Autostainer Link 48.", F, "", ["joins_facts"]),
 ("Specificity for PD-L1 was shown by antigen competition and PD-L1 deletion in tumour cell lines, then checked in 30 normal human tissues.", F, "", ["joins_facts"]),
 ("The assay and its scoring method were validated clinically in three CLIA-certified laboratories.", F, "", ["number_in_words", "abbreviation"]),
 ("Nivolumab, a fully human IgG4 anti-PD-1 antibody, is FDA-approved for metastatic squamous NSCLC progressing on or after platinum-based chemotherapy.", F, "", ["paraphrase"]),
 ("Assay specificity was evaluated in a panel of 20 normal human tissues.", N, "30 changed to 20", ["plain"]),
 ("The primary antibody is the 22C3 clone.", M, "28-8", ["plain"]),
 ("Nivolumab was developed by Merck.", M, "Bristol-Myers Squibb", ["plain"]),
 ("The assay was not validated for determining PD-L1 status in NSCLC specimens.", G, "validated", ["plain"]),
 ("PD-L1 staining with this assay reliably predicts who will respond to nivolumab.", C, "investigated as a potential biomarker", ["plain"]),
])
add("PMID:28319047", [
 ("IDH1 and IDH2 mutations are among the earliest genetic changes in lower-grade glioma.", F, "", ["paraphrase"]),
 ("Mutant IDH converts α-ketoglutarate into the oncometabolite 2HG.", F, "", ["paraphrase"]),
 ("TCGA data show lower expression of cytotoxic T cell genes and IFN-γ-inducible chemokines such as CXCL10 in IDH-mutant than in IDH-wild-type tumours.", F, "", ["comparison"]),
 ("In mouse glioma models, mutant IDH1 lowered CXCL10 and STAT1 and reduced T cell accumulation in tumours.", F, "", ["joins_facts"]),
 ("The IDH1 inhibitor IDH-C35 reversed these changes and improved vaccine immunotherapy in mice with IDH-mutant gliomas.", F, "", ["joins_facts"]),
 ("Mutant IDH1 reduced CXCL10 through decreased production of STAT3.", M, "STAT1", ["plain"]),
 ("Reductions in CXCL10 and T cell accumulation were reversed by ivosidenib.", M, "IDH-C35", ["plain"]),
 ("IDH-C35 did not enhance the efficacy of vaccine immunotherapy in mice.", G, "enhanced", ["plain"]),
 ("IDH inhibitors improved the efficacy of immunotherapy in patients with IDH-mutant gliomas.", C, "mice; suggest may", ["plain"]),
 ("IDH-mutant tumours showed higher CXCL10 expression than IDH-wild-type tumours.", C, "reduced", ["comparison"]),
])
add("PMID:37504336", [
 ("A Canadian expert panel recommends testing for KRAS G12C within a comprehensive panel that includes standard-of-care biomarkers.", F, "", ["paraphrase"]),
 ("Sotorasib, the only KRAS G12C inhibitor approved in Canada, is recommended after progression on first-line immune checkpoint inhibitors with or without chemotherapy.", F, "", ["paraphrase"]),
 ("The panel judged the evidence in brain metastases too thin for specific recommendations, despite preliminary signs of activity.", F, "", ["hedged", "negation_elsewhere"]),
 ("Because of the risk of hepatotoxicity, liver function should be monitored regularly on KRAS G12C inhibitors.", F, "", ["causal"]),
 ("KRAS G12C, a glycine-to-cysteine substitution at codon 12, is among the most frequent genomic alterations in NSCLC.", F, "", ["plain"]),
 ("The G12C mutation is a glycine-to-cysteine substitution at codon 13.", N, "12 changed to 13", ["plain"]),
 ("Both sotorasib and adagrasib have Health Canada approval.", M, "sotorasib is the only one", ["plain"]),
 ("Regular liver function monitoring is not needed with KRAS G12C inhibitors.", G, "recommended", ["plain"]),
 ("The panel recommends sotorasib specifically for patients with brain metastases.", C, "evidence insufficient", ["plain"]),
 ("Sotorasib is recommended as first-line therapy for KRAS G12C-mutated NSCLC.", C, "after first-line", ["plain"]),
])

# ---- 200-token chunks of cancer.gov pages ----
add(("NCI:/types/skin/research/pembrolizumab", 4), [
 ("Six-month progression-free survival was about 47% with pembrolizumab every 2 or 3 weeks, against roughly a quarter with ipilimumab.", F, "", ["rounded", "fraction", "comparison"]),
 ("Median PFS was 5.5 months with pembrolizumab every 2 weeks, 4.1 months every 3 weeks and 2.8 months with ipilimumab.", F, "", ["abbreviation"]),
 ("At the second interim analysis, nearly three quarters of patients given pembrolizumab every 2 weeks were alive at 12 months.", F, "", ["fraction"]),
 ("Twelve-month overall survival was higher with either pembrolizumab schedule than with ipilimumab (74.1% and 68.4% vs 58.2%).", F, "", ["comparison"]),
 ("The 12-month overall survival rate with ipilimumab was 52.8 percent.", N, "58.2 changed to 52.8", ["plain"]),
 ("Ipilimumab gave longer median progression-free survival than pembrolizumab every 3 weeks.", C, "2.8 vs 4.1: direction swapped", ["comparison"]),
 ("The 6-month progression-free survival rate was 26.5 percent with nivolumab.", M, "ipilimumab", ["plain"]),
])
add(("NCI:/types/skin/research/nivolumab", 4), [
 ("Median overall survival was not reached with nivolumab and was 10.8 months with dacarbazine.", F, "", ["negation_elsewhere"]),
 ("One-year survival was about 73% with nivolumab against 42% with dacarbazine.", F, "", ["rounded", "comparison"]),
 ("Nivolumab more than doubled progression-free survival (5.1 vs 2.2 months) and nearly tripled the response rate (40% vs 13.9%).", F, "", ["ratio_in_words"]),
 ("In the nivolumab arm, survival did not differ by tumour PD-L1 status.", F, "", ["negation_elsewhere"]),
 ("The objective response rate was 40 percent with nivolumab versus 19.3 percent with dacarbazine.", N, "13.9 changed to 19.3", ["comparison"]),
 ("Patients treated with nivolumab did not have longer progression-free survival than those given dacarbazine.", G, "longer", ["comparison"]),
 ("In the nivolumab arm, patients with PD-L1-positive tumours survived longer than those with PD-L1-negative tumours.", C, "no difference", ["comparison"]),
 ("Median overall survival was 10.8 months in patients treated with ipilimumab.", M, "dacarbazine", ["plain"]),
])
add(("NCI:/types/skin/research/nivolumab", 5), [
 ("As of August 2014, 46% of the nivolumab arm but only 6% of the dacarbazine arm were still on their assigned treatment.", F, "", ["quantifier", "comparison"]),
 ("Grade 3 or 4 side effects were less frequent with nivolumab than with dacarbazine (11.7% vs 17.6%).", F, "", ["comparison"]),
 ("Many patients who stopped their assigned treatment went on to other systemic therapy, most often ipilimumab.", F, "", ["paraphrase"]),
 ("The overall rate of side effects was similar in the two arms.", F, "", ["paraphrase"]),
 ("By August 5, 2014, 64 percent of patients in the nivolumab arm were still receiving nivolumab.", N, "46 changed to 64", ["plain"]),
 ("Grade 3 or 4 side effects were more common with nivolumab than with dacarbazine.", C, "11.7% vs 17.6%: direction swapped", ["comparison"]),
 ("Patients who stopped their assigned treatment did not go on to receive further systemic treatment.", G, "went on to receive", ["plain"]),
 ("The most common subsequent systemic treatment was pembrolizumab.", M, "ipilimumab", ["plain"]),
])
add(("NCI:/types/skin/research/vemurafenib-ipilimumab", 5), [
 ("In the ipilimumab trial, 502 patients with metastatic melanoma were randomised to ipilimumab plus dacarbazine or dacarbazine alone.", F, "", ["plain"]),
 ("Adding ipilimumab to dacarbazine extended median overall survival by only about two months (11.2 vs 9.1 months).", F, "", ["rounded", "derived_number"]),
 ("Jedd Wolchok pointed out that survival at 1, 2 and 3 years was better with ipilimumab.", F, "", ["paraphrase"]),
 ("Five hundred and twenty patients were randomly assigned in the ipilimumab trial.", N, "502 changed to 520", ["number_in_words"]),
 ("Ipilimumab was combined with temozolomide in the trial.", M, "dacarbazine", ["plain"]),
 ("Median overall survival improved by more than 6 months with the combination.", N, "just 2 months", ["derived_number"]),
 ("Survival at 1, 2 and 3 years was not better with ipilimumab.", G, "all superior", ["plain"]),
])
add(("NCI:/types/skin/research/vemurafenib-ipilimumab", 6), [
 ("At three years, about one in five patients given ipilimumab were alive, against 12% with chemotherapy alone.", F, "", ["fraction", "comparison"]),
 ("Responses lasted more than twice as long with ipilimumab (19.3 vs 8.1 months).", F, "", ["ratio_in_words"]),
 ("Progression-free survival improved by 24 percent with ipilimumab, though tumour shrinkage did not differ significantly.", F, "", ["negation_elsewhere", "joins_facts"]),
 ("Dr. Wolchok said immunotherapies tend to keep tumours in check rather than shrink them markedly.", F, "", ["paraphrase", "hedged"]),
 ("About 31 percent of patients in the ipilimumab arm were alive at 3 years.", N, "21 changed to 31", ["plain"]),
 ("Ipilimumab produced significantly more tumour shrinkage than dacarbazine alone.", C, "no significant difference", ["comparison"]),
 ("Response duration was longer in the dacarbazine arm than in the ipilimumab arm.", C, "19.3 vs 8.1: direction swapped", ["comparison"]),
 ("Responses lasted 19.3 months with vemurafenib.", M, "ipilimumab", ["plain"]),
])
add(("NCI:/types/lung/research/pembrolizumab-nsclc-keynote-024", 1), [
 ("In KEYNOTE-024, 305 patients with untreated advanced NSCLC and PD-L1 on at least half their tumour cells were randomised to pembrolizumab or platinum-based chemotherapy.", F, "", ["acronym_from_title", "fraction", "joins_facts"]),
 ("Pembrolizumab was given at 200 mg every three weeks.", F, "", ["number_in_words"]),
 ("Median progression-free survival was 10.3 months with pembrolizumab versus 6 months with chemotherapy.", F, "", ["comparison"]),
 ("The results were presented at ESMO 2016 in Copenhagen and published in NEJM at the same time.", F, "", ["abbreviation"]),
 ("Pembrolizumab stops PD-1 binding PD-L1, so that T cells can recognise and attack tumour cells.", F, "", ["paraphrase"]),
 ("KEYNOTE-024 randomised 350 patients.", N, "305 changed to 350", ["plain"]),
 ("Eligible patients had PD-L1 expression on at least 1% of tumor cells.", N, "half changed to 1%", ["plain"]),
 ("The findings were reported at the 2016 ESMO meeting in Vienna.", M, "Copenhagen", ["plain"]),
 ("Patients in KEYNOTE-024 had received previous treatment for advanced NSCLC.", G, "previously untreated", ["plain"]),
 ("Pembrolizumab nearly tripled median progression-free survival compared with chemotherapy.", N, "10.3 vs 6.0: not tripled", ["ratio_in_words"]),
])
add(("NCI:/types/skin/research/pembrolizumab-ipilimumab-resistance", 3), [
 ("At this interim analysis the primary endpoint was progression-free survival; overall survival will be the primary endpoint at the final analysis.", F, "", ["joins_facts"]),
 ("Six-month PFS was 34% and 38% with the lower and higher pembrolizumab doses, against 16% with chemotherapy.", F, "", ["comparison", "abbreviation"]),
 ("Treatment-related grade 3-4 events were about half as frequent with the higher pembrolizumab dose as with chemotherapy (14% vs 26%).", F, "", ["ratio_in_words"]),
 ("Forty-five patients on chemotherapy had treatment-related grade 3-4 adverse events.", F, "", ["number_in_words"]),
 ("Grade 3-4 adverse events occurred in 20 patients (16 percent) on the lower pembrolizumab dose.", N, "11 changed to 16", ["plain"]),
 ("The lower pembrolizumab dose gave a higher 6-month PFS rate than the higher dose.", C, "34% vs 38%: direction swapped", ["comparison"]),
 ("Safety was not among the secondary endpoints.", G, "secondary endpoints included safety", ["plain"]),
 ("The 6-month PFS rate was 16 percent with ipilimumab.", M, "chemotherapy", ["plain"]),
])
add(("NCI:/types/skin/research/advanced-melanoma-therapies", 11), [
 ("A pooled analysis of 12 trials with roughly 1,800 ipilimumab-treated patients found a median survival of 11.4 months.", F, "", ["rounded"]),
 ("More than one in five patients given ipilimumab lived at least three years.", F, "", ["fraction", "number_in_words"]),
 ("Pembrolizumab (Keytruda), which targets PD-1, was the first PD-1 inhibitor approved by the FDA.", F, "", ["plain"]),
 ("In the early-stage trial, about a quarter of patients previously treated with ipilimumab had tumour shrinkage.", F, "", ["fraction"]),
 ("The analysis pooled 21 clinical trials of ipilimumab.", N, "12 changed to 21", ["plain"]),
 ("Nivolumab (Keytruda) was the first PD-1 inhibitor approved by the FDA.", M, "pembrolizumab", ["plain"]),
 ("Most patients with advanced melanoma previously treated with ipilimumab had tumour shrinkage on pembrolizumab.", C, "about one-fourth", ["quantifier"]),
 ("The FDA did not base its approval of pembrolizumab on an early-stage trial.", G, "based its approval on an early-stage trial", ["plain"]),
])

# ---- 200-token chunks of ClinicalTrials.gov records ----
add(("NCT:NCT00303836", 1), [
 ("Patients are randomised to two arms; in arm I they undergo apheresis and T-regulatory cells are depleted in vitro.", F, "", ["paraphrase"]),
 ("The nonmyeloablative preparative regimen is cyclophosphamide on days -8 and -7 and fludarabine on days -6 to -2.", F, "", ["range"]),
 ("The gp100:209-217 (210M) and MART-1:27-35 peptides, emulsified in Montanide ISA-51, are injected under the skin on days 0-3, 20-23, 41-44 and 62-65.", F, "", ["paraphrase"]),
 ("Regulatory T cell-depleted autologous lymphocytes are infused on day 0 over 20 to 30 minutes.", F, "", ["range"]),
 ("Cyclophosphamide is given on days -8 and -7 and fludarabine on days -5 to -2.", N, "-6 changed to -5", ["range"]),
 ("Patients are vaccinated with gp100 and NY-ESO-1 peptides.", M, "MART-1", ["plain"]),
 ("The preparative regimen is myeloablative.", G, "nonmyeloablative", ["plain"]),
 ("All patients receive interleukin-2 after the lymphocyte infusion.", C, "with or without interleukin-2", ["quantifier"]),
])
add(("NCT:NCT00052377", 2), [
 ("IL-12 is injected under the skin twice a week for 24 weeks, with disease assessed at week 13.", F, "", ["joins_facts"]),
 ("Patients without progression add IL-2 on three consecutive days a week from week 13 to week 24.", F, "", ["number_in_words"]),
 ("IL-2 doses are escalated in cohorts of three to six patients until the MTD is found.", F, "", ["range", "number_in_words"]),
 ("The recommended dose is the one just below the MTD.", F, "", ["paraphrase"]),
 ("Responders after week 24 may continue IL-2 and IL-12 for a further 12 weeks.", F, "", ["hedged"]),
 ("The MTD is the dose at which at least 2 of 3 or 3 of 6 patients have dose-limiting toxicity.", N, "2 of 6 changed to 3 of 6", ["x_of_y"]),
 ("Patients are followed up at 12 months.", N, "6 changed to 12", ["plain"]),
 ("Patients with progressive disease at week 13 do not receive IL-2.", G, "receive IL-2 at a fixed dose", ["plain"]),
 ("Responders must stop all treatment after week 24.", C, "may continue", ["plain"]),
])
add(("NCT:NCT00004128", 2), [
 ("In the induction randomisation, both arms get etoposide and daunorubicin and differ in the cytarabine dose.", F, "", ["joins_facts", "paraphrase"]),
 ("Arm II uses high-dose cytarabine over 3 hours every 12 hours on days 1, 3, 5 and 7.", F, "", ["plain"]),
 ("Standard-dose cytarabine in arm I is infused over 24 hours on days 1 to 10.", F, "", ["range"]),
 ("Once complete remission is reached, consolidation uses intermediate-dose cytarabine with daunorubicin.", F, "", ["paraphrase", "abbreviation"]),
 ("In arm I, etoposide is given on days 1 to 7.", N, "1-5 changed to 1-7", ["range"]),
 ("Arm I combines standard-dose cytarabine with etoposide and idarubicin.", M, "daunorubicin", ["plain"]),
 ("Arm II receives a lower dose of cytarabine than arm I.", C, "high-dose vs standard-dose: direction swapped", ["comparison"]),
 ("Patients in arm II do not receive etoposide.", G, "as in arm I", ["plain"]),
])
add(("NCT:NCT00080977", 1), [
 ("Each course is two cycles of 15 high-dose IL-2 doses every 8 hours, given 7 to 10 days apart.", F, "", ["joins_facts", "range"]),
 ("Response is assessed two months after treatment starts, and patients with responding or stable disease get a second course.", F, "", ["number_in_words", "joins_facts"]),
 ("The trial plans to accrue 20 patients with metastatic kidney cancer that did not respond to low-dose IL-2.", F, "", ["paraphrase"]),
 ("Patients are followed every six months for survival.", F, "", ["number_in_words"]),
 ("A total of 40 patients will be accrued.", N, "20 changed to 40", ["plain"]),
 ("High-dose IL-2 is given every 6 hours for 15 doses.", N, "8 changed to 6", ["plain"]),
 ("Patients with stable disease do not receive a second course.", G, "responding or stable disease receive", ["plain"]),
 ("Only patients who have never received interleukin-2 are eligible.", C, "previous low-dose IL-2", ["quantifier"]),
])
add(("NCT:NCT01884961", 0), [
 ("This single-centre, open-label phase II proof-of-principle study adds radiotherapy to high-dose IL-2 in metastatic melanoma or renal cell carcinoma.", F, "", ["acronym_from_title", "joins_facts"]),
 ("The study is planned to last 36 months, with 20 months of enrolment and 5 months of treatment per patient.", F, "", ["joins_facts"]),
 ("Follow-up visits are every three months.", F, "", ["number_in_words"]),
 ("One primary aim is to find pretreatment biological features that predict who benefits from HDIL-2-based therapy.", F, "", ["paraphrase"]),
 ("Enrollment is planned to last 24 months.", N, "20 changed to 24", ["plain"]),
 ("The study enrolls patients with metastatic melanoma or non-small cell lung cancer.", M, "renal cell carcinoma", ["plain"]),
 ("The study is randomised and double-blind.", C, "single center, open-label", ["plain"]),
 ("Toxicity is the primary end point of the study.", C, "a secondary end point", ["plain"]),
])
add(("NCT:NCT00019669", 0), [
 ("The trial compares fowlpox vaccine given intravenously or intramuscularly, with or without IL-2, in metastatic melanoma.", F, "", ["abbreviation"]),
 ("Patients are randomised to one of three cohorts.", F, "", ["number_in_words"]),
 ("In cohort 1, a recombinant fowlpox vaccine encoding gp100 is given IV every four weeks for up to four doses.", F, "", ["number_in_words"]),
 ("Immune responses before and after treatment are compared, as are the toxicity profiles of the regimens.", F, "", ["joins_facts"]),
 ("Patients are randomized to 1 of 4 treatment cohorts.", N, "3 changed to 4", ["plain"]),
 ("Cohort 1 receives a recombinant vaccinia vaccine encoding gp100.", M, "fowlpox", ["plain"]),
 ("The fowlpox vaccine encodes a MART-1 peptide.", M, "gp100", ["plain"]),
 ("The study is fully randomized.", C, "partially randomized", ["plain"]),
])
add(("NCT:NCT00149162", 0), [
 ("This open randomised study tests IL-2 maintenance in children with AML in complete remission who have not had an allogeneic transplant.", F, "", ["abbreviation", "negation_elsewhere"]),
 ("The trial plans to accrue 580 patients over seven years.", F, "", ["number_in_words"]),
 ("Interleukin-2 is given subcutaneously for 5 days each month for one year.", F, "", ["number_in_words"]),
 ("Before maintenance, patients receive one induction and three consolidation courses of chemotherapy.", F, "", ["number_in_words"]),
 ("The randomisation is assessed on event-free survival.", F, "", ["paraphrase"]),
 ("A total of 850 patients will be accrued over 7 years.", N, "580 changed to 850", ["plain"]),
 ("Interleukin-2 is given monthly for 5 days over 2 years.", N, "1 year changed to 2", ["plain"]),
 ("Patients who have not had an allogeneic transplant are excluded from the randomisation.", G, "they are the ones randomised", ["plain"]),
 ("Maintenance treatment uses interferon alfa.", M, "interleukin-2", ["plain"]),
 ("Interleukin-2 maintenance improved event-free survival in childhood AML.", C, "a design, no results", ["plain"]),
])
add(("NCT:NCT01416831", 0), [
 ("Everyone gets high-dose IL-2, and half are randomly chosen to have radiation to up to three tumours first.", F, "", ["fraction", "quantifier"]),
 ("The first 20 patients assigned to radiation get a single dose; patients 21 to 44 get two doses.", F, "", ["range", "number_in_words"]),
 ("The trial randomises patients with metastatic melanoma to high-dose IL-2 with or without prior radiotherapy.", F, "", ["paraphrase"]),
 ("Radiation is given to up to five tumors before IL-2.", N, "three changed to five", ["plain"]),
 ("Patients 21-44 assigned to radiation receive 3 doses of radiation.", N, "2 changed to 3", ["plain"]),
 ("Not all patients receive high-dose IL-2.", G, "all patients", ["quantifier"]),
 ("Radiation is given after high-dose IL-2.", C, "prior to", ["plain"]),
])
add(("NCT:NCT01005537", 1), [
 ("Cyclophosphamide is given on days -3 and -2, and TILs are infused on day 0.", F, "", ["abbreviation"]),
 ("Starting six hours after the TIL infusion, patients get either high-dose aldesleukin three times daily for up to 14 doses or low-dose IL-2 twice daily for up to 28 doses.", F, "", ["joins_facts", "number_in_words"]),
 ("Patients may receive two more courses of TILs with low-dose IL-2, with or without cyclophosphamide.", F, "", ["hedged"]),
 ("High-dose aldesleukin is given for up to 15 doses.", N, "14 changed to 15", ["plain"]),
 ("Patients receive fludarabine on days -3 and -2 before the TIL infusion.", M, "cyclophosphamide", ["plain"]),
 ("Additional courses of TILs are not allowed.", G, "may receive two additional courses", ["plain"]),
 ("Low-dose IL-2 was as effective as high-dose IL-2.", C, "no results", ["comparison"]),
])


write_set(S, "q", ROOT / "benchmarks/support/sentences_4.jsonl")
