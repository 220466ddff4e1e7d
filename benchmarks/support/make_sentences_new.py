# ruff: noqa: E501  (one hand-written sentence a line)
"""Hand-written sentences (issue 22, second set) against real passages of corpus/: abstracts whole, chunks by
index of rag.chunk.chunker.chunk_document. Writes benchmarks/support/sentences_new.jsonl."""
from sentence_sets import ROOT, C, F, G, M, N, write_set  # noqa: F401  (the error kinds the rows use)

# (passage, sentence, error kind or None, detail, features)
S = []


def add(key, rows):
    for r in rows:
        S.append((key,) + r)

add("PMID:8120071", [
 ("Of the 283 patients given high-dose bolus IL-2, nine with metastatic melanoma (7%) had a complete regression and fourteen (10%) a partial regression.", F, "", ["number_in_words", "joins_facts"]),
 ("Among the 19 complete responders, 15 stayed in complete remission for 7 to 91 months after treatment.", F, "", ["x_of_y", "range"]),
 ("Ten patients (7%) with metastatic renal cell cancer had complete regression and 24 patients (13%) had partial regression.", N, "20 partial regressions in renal cancer, changed to 24", ["plain"]),
 ("Partial regression was more common among patients with melanoma than among those with renal cell cancer.", C, "melanoma 10% vs renal 13%: direction swapped", ["comparison"]),
 ("Treatment-related deaths still occurred among the 214 patients treated during the last 5 years of the study.", G, "no treatment-related deaths in the last 214 patients", ["plain"]),
])
add("PMID:21498393", [
 ("TIL transfer after lymphodepletion gave objective responses in 49%, 52% and 72% of patients in the three trials, and 20 of the 93 patients (22%) had a complete regression.", F, "", ["joins_facts", "x_of_y"]),
 ("Nineteen of the twenty complete responders had ongoing complete regressions beyond three years.", F, "", ["number_in_words", "x_of_y"]),
 ("The 3- and 5-year survival rates for the whole group were 36% and 39%.", N, "29% changed to 39%", ["plain"]),
 ("Complete responses were less likely in patients who had received prior systemic therapy.", C, "similar regardless of prior therapy", ["comparison"]),
 ("Longer telomeres of the infused cells were not associated with objective response.", G, "associated", ["plain"]),
])
add("PMID:25704439", [
 ("In CheckMate 063, 17 of 117 patients (about 15%) with refractory squamous NSCLC had an objective response to nivolumab.", F, "", ["acronym_from_title", "x_of_y"]),
 ("Grade 3-4 treatment-related adverse events affected 20 of 117 patients, including fatigue in five and pneumonitis in four.", F, "", ["x_of_y", "number_in_words"]),
 ("Median time to response was 3.3 months, and 13 of 19 responses were still ongoing at the time of analysis.", N, "13 of 17 responses, changed to 19", ["x_of_y"]),
 ("In CheckMate 017, nivolumab produced objective responses in 14.5% of patients with refractory squamous NSCLC.", M, "the title's trial is CheckMate 063", ["acronym_from_title"]),
 ("The two treatment-associated deaths occurred in patients without relevant comorbidities.", G, "patients with multiple comorbidities", ["plain"]),
])
add("PMID:25897158", [
 ("With nivolumab at 1, 3 or 10 mg/kg, median overall survival across doses was 9.9 months and the 1-, 2- and 3-year survival rates were 42%, 24% and 18%.", F, "", ["joins_facts", "range"]),
 ("At the 3 mg/kg dose given to 37 patients, the three-year overall survival rate was 27%.", F, "", ["number_in_words"]),
 ("Among the 22 patients (17%) with objective responses, the estimated median response duration was 7.0 months.", N, "17.0 months changed to 7.0", ["plain"]),
 ("Response rates were higher in squamous than in nonsquamous NSCLC.", C, "similar in squamous and nonsquamous", ["comparison"]),
 ("Pembrolizumab monotherapy produced durable responses in heavily pretreated NSCLC in this phase I trial.", M, "nivolumab", ["drug_name_as_title"]),
 ("Nine of the 18 responders who stopped nivolumab for reasons other than progression had responses lasting more than 9 months after their last dose.", F, "", ["number_in_words", "x_of_y"]),
])
add("PMID:26028407", [
 ("In CheckMate 017, the risk of death was 41% lower with nivolumab than with docetaxel (hazard ratio 0.59).", F, "", ["plain"]),
 ("One-year overall survival was 42% with nivolumab against 24% with docetaxel, and responses were seen in 20% versus 9%.", F, "", ["joins_facts", "number_in_words"]),
 ("Grade 3 or 4 treatment-related adverse events were more frequent with nivolumab than with docetaxel.", C, "7% vs 55%: direction swapped", ["comparison"]),
 ("PD-L1 expression was both prognostic and predictive of benefit from nivolumab.", G, "neither prognostic nor predictive", ["plain"]),
 ("Median overall survival was 9.2 months with nivolumab versus 6.8 months with docetaxel.", N, "6.0 changed to 6.8", ["plain"]),
])
add("PMID:26412456", [
 ("In nonsquamous NSCLC, median overall survival was 12.2 months with nivolumab and 9.4 months with docetaxel (hazard ratio 0.73).", F, "", ["plain"]),
 ("At 18 months, 39% of the nivolumab group were alive compared with 23% of the docetaxel group.", F, "", ["plain"]),
 ("Median progression-free survival was longer with nivolumab than with docetaxel.", C, "did not favor nivolumab (2.3 vs 4.2 months)", ["comparison"]),
 ("The response rate was 19% with nivolumab versus 21% with docetaxel.", N, "12% changed to 21%", ["plain"]),
 ("Although median progression-free survival did not favour nivolumab, its 1-year progression-free survival rate was higher than that of docetaxel (19% vs 8%).", F, "", ["comparison", "negation_elsewhere"]),
 ("Treatment-related grade 3 or 4 adverse events occurred in 54% of patients on nivolumab and 10% of those on docetaxel.", C, "arms swapped: 10% nivolumab, 54% docetaxel", ["comparison"]),
])
add("PMID:27225694", [
 ("Only 1 of 28 EGFR-mutant or ALK-positive patients responded to PD-1/PD-L1 inhibitors (3.6%), against 7 of 30 wild-type patients (23.3%).", F, "", ["x_of_y", "joins_facts"]),
 ("PD-L1 expression changed after TKI resistance in 16 of 57 EGFR-mutant patients with paired biopsies, about 28%.", F, "", ["x_of_y", "percent_of"]),
 ("Never or light smokers responded more often than heavy smokers.", C, "4.2% vs 20.6%: direction swapped", ["comparison"]),
 ("In the independent cohort, PD-L1 expression at a 1% cutoff was seen in 24% of EGFR-mutant and 53% of ALK-positive pre-TKI biopsies.", N, "63% changed to 53%", ["plain"]),
 ("NSCLCs with KRAS mutations or ALK rearrangements had low response rates to PD-1/PD-L1 inhibitors.", M, "EGFR changed to KRAS", ["plain"]),
])
add("PMID:27718847", [
 ("In KEYNOTE-024, median progression-free survival was 10.3 months with pembrolizumab versus 6.0 months with chemotherapy.", F, "", ["plain"]),
 ("About 80% of patients given pembrolizumab were alive at six months, compared with 72% of those given chemotherapy.", F, "", ["number_in_words", "rounded"]),
 ("Treatment-related adverse events of any grade were more frequent with pembrolizumab than with chemotherapy.", C, "73.4% vs 90.0%: direction swapped", ["comparison"]),
 ("The response rate was 44.8% with pembrolizumab versus 37.8% with chemotherapy.", N, "27.8% changed to 37.8%", ["plain"]),
 ("In KEYNOTE-042, pembrolizumab was compared with platinum-based chemotherapy in 305 patients with PD-L1 expression on at least half of tumor cells.", M, "KEYNOTE-024", ["acronym_from_title"]),
])
add("PMID:28885881", [
 ("In PACIFIC, durvalumab after chemoradiotherapy tripled median progression-free survival compared with placebo (16.8 vs 5.6 months).", F, "", ["comparison"]),
 ("Grade 3 or 4 adverse events were about as common with durvalumab as with placebo (29.9% vs 26.1%).", F, "", ["comparison"]),
 ("More patients in the placebo group than in the durvalumab group discontinued the study drug because of adverse events.", C, "15.4% durvalumab vs 9.8% placebo: subject swapped", ["comparison"]),
 ("The 18-month progression-free survival rate was 44.2% with durvalumab versus 37.0% with placebo.", N, "27.0% changed to 37.0%", ["plain"]),
 ("The secondary end points did not favour durvalumab.", G, "also favored durvalumab", ["plain"]),
])
add("PMID:29023213", [
 ("Two-year overall survival with nivolumab versus docetaxel was 23% vs 8% in squamous and 29% vs 16% in nonsquamous NSCLC.", F, "", ["joins_facts"]),
 ("After two years, 10 of 27 squamous and 19 of 56 nonsquamous responders on nivolumab still had ongoing responses, and no docetaxel-treated patient did.", F, "", ["x_of_y", "negation_elsewhere"]),
 ("Some patients in the docetaxel groups also had ongoing responses at two years.", G, "no patient in either docetaxel group", ["plain"]),
 ("In the pooled analysis, nivolumab reduced the risk of death by 38% relative to docetaxel (hazard ratio 0.72).", N, "28% changed to 38%", ["plain"]),
 ("Treatment-related adverse events of any grade were more common with nivolumab (88%) than with docetaxel (68%).", C, "arms swapped: 68% nivolumab vs 88% docetaxel", ["comparison"]),
])
add("PMID:29658845", [
 ("In CheckMate 227, 42.6% of patients with a high tumor mutational burden were progression-free at one year with nivolumab plus ipilimumab, against 13.2% with chemotherapy.", F, "", ["plain"]),
 ("The benefit of nivolumab plus ipilimumab over chemotherapy was broadly consistent in patients with PD-L1 expression of at least 1% and in those below 1%.", F, "", ["plain"]),
 ("Grade 3 or 4 treatment-related adverse events were more frequent with nivolumab plus ipilimumab than with chemotherapy.", C, "31.2% vs 36.1%: direction swapped", ["comparison"]),
 ("The objective response rate was 45.3% with nivolumab plus ipilimumab and 29.6% with chemotherapy.", N, "26.9% changed to 29.6%", ["plain"]),
 ("Tumor mutational burden was measured with the Oncomine assay.", M, "FoundationOne CDx", ["plain"]),
])
add("PMID:28636851", [
 ("In CheckMate 026, first-line nivolumab did not significantly prolong progression-free survival over chemotherapy in patients with PD-L1 of 5% or more (4.2 vs 5.9 months).", F, "", ["negation_elsewhere"]),
 ("Sixty percent of the chemotherapy group (128 of 212 patients) later received nivolumab.", F, "", ["number_in_words", "x_of_y"]),
 ("Nivolumab significantly prolonged overall survival compared with chemotherapy (14.4 vs 13.2 months).", C, "overall survival similar", ["comparison"]),
 ("Grade 3 or 4 treatment-related adverse events occurred in 18% of patients on nivolumab and 61% of those on chemotherapy.", N, "51% changed to 61%", ["plain"]),
 ("Unexpected safety signals were seen with nivolumab.", G, "no new or unexpected safety signals", ["plain"]),
])
add("PMID:32306958", [
 ("Across 30 studies with 4971 patients, those who developed irAEs had better overall survival (HR 0.54) and progression-free survival (HR 0.52).", F, "", ["joins_facts"]),
 ("The link between irAEs and survival held for PD-1 inhibitors (HR 0.51) but not for CTLA-4 inhibitors (HR 0.89).", F, "", ["negation_elsewhere"]),
 ("The association was significant when ICIs were given in combination but not as monotherapy.", C, "monotherapy significant, combination not: swapped", ["comparison"]),
 ("The meta-analysis pooled 30 studies including 4,791 individuals.", N, "4971 changed to 4791", ["plain"]),
 ("The association between irAEs and survival was significant with PD-L1 inhibitors (HR 0.51).", M, "programmed cell death-1 inhibitors", ["plain"]),
])
add("DOI:10.1080/2162402x.2015.1057673", [
 ("Adjuvant DC vaccination induced functional tumor-specific T cell responses in 71% of the 78 patients.", F, "", ["plain"]),
 ("Median OS after adjuvant DC vaccination was roughly twice that of 209 matched controls (63.6 vs 31.0 months).", F, "", ["comparison"]),
 ("Five-year survival rose from 38% to 58% with vaccination.", N, "53% changed to 58%", ["plain"]),
 ("In this randomized study, 78 melanoma patients received autologous DCs loaded with gp100 and tyrosinase.", C, "retrospective, not randomized", ["plain"]),
 ("The dendritic cells were loaded with gp100 and MART-1.", M, "tyrosinase", ["plain"]),
])
add("PMID:9742914", [
 ("Of 409 patients given high-dose bolus IL-2, 33 (8.1%) had a complete and 37 (9%) a partial response.", F, "", ["joins_facts"]),
 ("Complete regression was seen in 6.6% of melanoma and 9.3% of renal cancer patients.", F, "", ["plain"]),
 ("Complete regression was more frequent in melanoma than in renal cancer.", C, "6.6% vs 9.3%: direction swapped", ["comparison"]),
 ("Twenty-seven of the 33 complete responders (72%) remained in continuous complete response.", N, "82% changed to 72%", ["number_in_words", "x_of_y"]),
 ("Prior treatment with immunotherapy correlated with achieving a complete response.", G, "the absence of prior immunotherapy", ["plain"]),
])
add("PMID:37195941", [
 ("At week 12, the DAS28-CRP fell by 2.09 points with 700 mg of peresolimab versus 0.99 with placebo (P<0.001).", F, "", ["plain"]),
 ("The 700-mg dose was better than placebo for ACR20 responses but not for ACR50 or ACR70 responses.", F, "", ["negation_elsewhere"]),
 ("Adverse events were more frequent with peresolimab than with placebo.", C, "similar", ["comparison"]),
 ("Patients were assigned in a 2:1:1 ratio to 700 mg of peresolimab, 400 mg of peresolimab or placebo every 4 weeks.", N, "300 mg changed to 400", ["plain"]),
 ("Peresolimab, a humanized IgG4 monoclonal antibody, is designed to stimulate the PD-1 inhibitory pathway.", M, "IgG1", ["plain"]),
])
add("PMID:27646942", [
 ("Pneumonitis developed in 43 of 915 patients (5%) who received anti-PD-1/PD-L1 antibodies.", F, "", ["x_of_y"]),
 ("Pneumonitis was more common with combination immunotherapy than with monotherapy, 10% against 3%.", F, "", ["comparison"]),
 ("Pneumonitis was more common in melanoma than in NSCLC (5% vs 4%).", C, "similar", ["comparison"]),
 ("Eighty-six percent (35 of 43) of the cases improved or resolved with drug holding or immunosuppression.", N, "37 of 43 changed to 35", ["number_in_words", "x_of_y"]),
 ("No patient died during pneumonitis treatment.", G, "five patients died", ["plain"]),
])
add("TITLE:Donor-derived CD19-targeted T cells cause regression of mali", [
 ("Three of the 10 patients given donor-derived anti-CD19 CAR T cells had regressions of their malignancies, and none developed GVHD.", F, "", ["joins_facts", "number_in_words"]),
 ("CAR gene-containing cells were detected in the blood of eight of ten patients.", F, "", ["number_in_words", "x_of_y"]),
 ("Patients received chemotherapy before the CAR T-cell infusions.", G, "did not receive chemotherapy", ["plain"]),
 ("A patient with follicular lymphoma obtained an ongoing partial remission.", M, "mantle cell lymphoma", ["plain"]),
 ("All treated patients had regression of their malignancies.", C, "three of 10", ["plain"]),
])
add("PMID:26901407", [
 ("Neoantigen-specific lymphocytes were found in the peripheral blood of three of four melanoma patients.", F, "", ["number_in_words", "x_of_y"]),
 ("The TCR repertoires of circulating and tumor-infiltrating CD8+PD-1+ cells appeared similar.", F, "", ["plain"]),
 ("Neoantigen-specific lymphocytes were found in the peripheral blood of two of four melanoma patients.", N, "three changed to two", ["number_in_words"]),
 ("Lymphocytes targeting neoantigens were found in CD8+PD-1- but not in CD8+PD-1+ cells.", C, "PD-1+ but not PD-1-: swapped", ["comparison"]),
])
# chunks: (doc_id, chunk index)
add(("PMID:30280658", 2), [
 ("In PACIFIC, two-year overall survival was 66.3% with durvalumab versus 55.6% with placebo.", F, "", ["acronym_from_title"]),
 ("Durvalumab prolonged overall survival over placebo, with a stratified hazard ratio for death of 0.68.", F, "", ["plain"]),
 ("Of the 713 patients randomized, 709 received treatment: 473 durvalumab and 263 placebo.", N, "236 changed to 263", ["plain"]),
 ("The 24-month overall survival rate was higher with placebo than with durvalumab.", C, "66.3% durvalumab vs 55.6% placebo: swapped", ["comparison"]),
 ("In stage III small-cell lung cancer, durvalumab after chemoradiotherapy raised 24-month survival to 66.3%.", M, "NSCLC", ["drug_name_as_title"]),
])
add(("PMID:30280658", 3), [
 ("On updated analysis, median progression-free survival was 17.2 months with durvalumab and 5.6 months with placebo.", F, "", ["plain"]),
 ("Grade 3 or 4 adverse events of any cause occurred in 30.5% of durvalumab and 26.1% of placebo patients, and 15.4% versus 9.8% stopped treatment because of adverse events.", F, "", ["joins_facts"]),
 ("The median time to death or distant metastasis was shorter with durvalumab than with placebo (28.3 vs 16.2 months).", C, "longer", ["comparison"]),
 ("The median time to death or distant metastasis was 28.3 months with durvalumab versus 18.2 months with placebo.", N, "16.2 changed to 18.2", ["plain"]),
])
add(("PMID:29658856", 2), [
 ("Adding pembrolizumab to chemotherapy raised 12-month overall survival to 69.2% from 49.4% with placebo plus chemotherapy (hazard ratio 0.49).", F, "", ["drug_name_as_title"]),
 ("In KEYNOTE-189, roughly 69% of patients in the pembrolizumab-combination group were alive at 12 months, compared with about 49% in the placebo-combination group.", F, "", ["acronym_from_title", "rounded"]),
 ("The improvement in overall survival was limited to patients with high PD-L1 expression.", C, "across all PD-L1 categories", ["plain"]),
 ("After a median follow-up of 10.5 months, the hazard ratio for death was 0.59.", N, "0.49 changed to 0.59", ["plain"]),
])
add(("PMID:29658856", 3), [
 ("Median progression-free survival was 8.8 months with pembrolizumab plus chemotherapy and 4.9 months with placebo plus chemotherapy.", F, "", ["drug_name_as_title"]),
 ("Adverse events of grade 3 or higher were about equally frequent in the two groups (67.2% and 65.8%).", F, "", ["comparison"]),
 ("Adverse events of grade 3 or higher were less common with pembrolizumab plus chemotherapy (65.8%) than with placebo plus chemotherapy (67.2%).", C, "arms swapped", ["comparison"]),
 ("Improvement in overall survival was not seen across the PD-L1 categories evaluated.", G, "was seen across all categories", ["plain"]),
])
add(("PMID:34096690", 2), [
 ("Sotorasib produced an objective response in 46 of 124 evaluable patients (37.1%), four of them complete.", F, "", ["drug_name_as_title", "x_of_y"]),
 ("Most patients (81%) had already received both platinum-based chemotherapy and PD-1 or PD-L1 inhibitors.", F, "", ["rounded"]),
 ("The median duration of response to sotorasib was 10.1 months.", N, "11.1 changed to 10.1", ["drug_name_as_title"]),
 ("Adagrasib produced objective responses in 37.1% of patients with KRAS p.G12C-mutated NSCLC.", M, "sotorasib", ["drug_name_as_title"]),
 ("Most of the responses were complete responses.", C, "4 complete of 46", ["plain"]),
])
add(("PMID:34096690", 3), [
 ("With sotorasib, median progression-free survival was 6.8 months and median overall survival 12.5 months.", F, "", ["drug_name_as_title", "joins_facts"]),
 ("Treatment-related adverse events occurred in 88 of 126 patients (about 70%), including grade 3 events in 25.", F, "", ["x_of_y", "rounded"]),
 ("No responses were observed in patients with co-occurring STK11, KEAP1 or TP53 mutations.", G, "responses were observed in those subgroups", ["plain"]),
 ("Treatment-related grade 3 events occurred in 25 patients (29.8%).", N, "19.8% changed to 29.8%", ["plain"]),
])
add(("PMID:30620668", 2), [
 ("In the updated KEYNOTE-024 analysis, median OS was 30.0 months with pembrolizumab versus 14.2 months with chemotherapy (HR 0.63).", F, "", ["acronym_from_title"]),
 ("Of 305 patients, 154 were assigned pembrolizumab and 151 chemotherapy; at a median follow-up of 25.2 months, 73 and 96 of them had died.", F, "", ["joins_facts"]),
 ("More patients had died in the pembrolizumab arm (96) than in the chemotherapy arm (73).", C, "73 pembrolizumab vs 96 chemotherapy: swapped", ["comparison"]),
 ("In the updated KEYNOTE-042 analysis, 82 patients assigned to chemotherapy crossed over to pembrolizumab.", M, "KEYNOTE-024", ["acronym_from_title"]),
 ("Eighty-two patients in the chemotherapy arm crossed over to pembrolizumab during the study.", F, "", ["number_in_words"]),
])
add(("PMID:30620668", 3), [
 ("Adjusted for crossover with the two-stage method, the hazard ratio for OS with pembrolizumab versus chemotherapy was 0.49.", F, "", ["plain"]),
 ("Grade 3 to 5 treatment-related adverse events were less frequent with pembrolizumab than with chemotherapy, 31.2% versus 53.3%.", F, "", ["comparison"]),
 ("Results with rank-preserving structural failure time and inverse probability of censoring weighting differed from those of the two-stage method.", C, "similar", ["plain"]),
 ("Treatment-related grade 3 to 5 adverse events occurred in 31.2% of patients on pembrolizumab and 35.3% of those on chemotherapy.", N, "53.3% changed to 35.3%", ["plain"]),
])
add(("PMID:28885881", 3), [
 ("The response rate was 28.4% with durvalumab and 16.0% with placebo, and responses lasted longer with durvalumab.", F, "", ["joins_facts"]),
 ("Pneumonia was the most common grade 3 or 4 adverse event, in 4.4% of durvalumab and 3.8% of placebo patients.", F, "", ["plain"]),
 ("The response rate was lower with durvalumab than with placebo.", C, "higher", ["comparison"]),
 ("The median time to death or distant metastasis was 23.2 months with durvalumab versus 16.4 months with placebo.", N, "14.6 changed to 16.4", ["plain"]),
])
add(("PMID:26028407", 3), [
 ("In CheckMate 017, grade 3 or 4 treatment-related adverse events occurred in 7% of patients given nivolumab and 55% of those given docetaxel.", F, "", ["acronym_from_title"]),
 ("PD-L1 expression neither predicted benefit nor carried prognostic value.", F, "", ["negation_elsewhere"]),
 ("PD-L1 expression was predictive of benefit from nivolumab.", G, "neither prognostic nor predictive", ["plain"]),
 ("Median progression-free survival was 3.5 months with nivolumab and 2.2 months with docetaxel.", N, "2.8 changed to 2.2", ["plain"]),
])
add(("PMID:27718847", 3), [
 ("Compared with chemotherapy, pembrolizumab gave a higher response rate (44.8% vs 27.8%) and fewer treatment-related adverse events of any grade (73.4% vs 90.0%).", F, "", ["joins_facts", "drug_name_as_title"]),
 ("Grade 3, 4 or 5 treatment-related adverse events were more frequent with pembrolizumab than with chemotherapy.", C, "26.6% vs 53.3%: direction swapped", ["comparison"]),
 ("The median duration of response was not reached with pembrolizumab and was 6.3 months with chemotherapy.", F, "", ["plain"]),
 ("Grade 3 to 5 treatment-related adverse events occurred in 26.6% versus 63.3% of patients.", N, "53.3% changed to 63.3%", ["plain"]),
])
add(("PMID:29658845", 2), [
 ("Median progression-free survival was 7.2 months with nivolumab plus ipilimumab and 5.5 months with chemotherapy (hazard ratio 0.58).", F, "", ["plain"]),
 ("Among patients with a high tumor mutational burden, progression-free survival was shorter with nivolumab plus ipilimumab than with chemotherapy.", C, "longer", ["comparison"]),
 ("The objective response rate was 45.3% with nivolumab plus relatlimab and 26.9% with chemotherapy.", M, "ipilimumab", ["plain"]),
 ("At one year, 42.6% of patients on nivolumab plus ipilimumab versus 13.2% on chemotherapy were free of progression.", F, "", ["number_in_words"]),
])
add(("DOI:10.1016/j.apsb.2025.07.017", 139), [
 ("Combining NC-6004 with gemcitabine gave disease control rates of 35.3% in NSCLC, 38.0% in biliary tract cancer and 53.8% in bladder cancer.", F, "", ["plain"]),
 ("In the phase II study of NC-6004 with gemcitabine, the disease control rate in bladder cancer was 58.3%.", N, "53.8% changed to 58.3%", ["plain"]),
 ("Low doses of platinum drugs suppress the cGAS-STING signaling pathway.", C, "activate", ["plain"]),
 ("Systemic toxicity of cisplatin was seen only at doses up to 120 mg/m2.", F, "", ["plain"]),
])
add(("DOI:10.1016/j.apsb.2025.07.017", 140), [
 ("With anti-PD-1 antibodies, RiMO-301, the first MOF to enter clinical trials, achieved an objective response rate of about 67%, 4 of 6 patients.", F, "", ["x_of_y", "rounded"]),
 ("The two patients without an objective response to RiMO-301 showed a 25%-30% reduction in tumor size.", N, "15%-20% changed to 25%-30%", ["range"]),
 ("RiMO-301 achieved a 66.7% objective response rate when combined with anti-CTLA-4 antibodies.", M, "αPD-1", ["plain"]),
 ("On the strength of its results in advanced solid tumors, RiMO-301 has been approved to advance to phase 2 studies.", F, "", ["plain"]),
])
add(("DOI:10.1016/j.apsb.2025.07.017", 142), [
 ("Pathological complete remission was twice as frequent with NBTXR3 plus radiotherapy as with radiotherapy alone, 16% against 8% (fourteen vs seven cases).", F, "", ["comparison", "number_in_words"]),
 ("Pathological complete remission was more frequent with radiotherapy alone than with NBTXR3 plus radiotherapy.", C, "16% NBTXR3 vs 8% RT alone: swapped", ["comparison"]),
 ("Hypotension, the most common grade 3-4 adverse event with NBTXR3, affected six of 89 patients (7%).", F, "", ["number_in_words", "x_of_y"]),
 ("NBTXR3 is not yet available in Europe for patients with soft tissue sarcomas.", G, "approved and available in Europe", ["plain"]),
])
add(("DOI:10.3389/fimmu.2025.1665488", 12), [
 ("A meta-analysis of 13 trials found that TIL therapy with IL-2 achieved an objective response rate of 44% in melanoma.", F, "", ["plain"]),
 ("Lifileucel (Amtagvi), approved by the FDA in February 2024, had a 65.2% objective response rate and a 31.8% complete response rate in PD-1-resistant advanced melanoma.", F, "", ["joins_facts"]),
 ("Lifileucel showed a 56.2% objective response rate in PD-1-resistant advanced melanoma in its pivotal trials.", N, "65.2% changed to 56.2%", ["plain"]),
 ("Tebentafusp was the first TIL therapy granted accelerated approval by the FDA, in February 2024.", M, "lifileucel", ["plain"]),
 ("TIL therapy has so far shown activity only in melanoma.", C, "also in HPV-associated cervical cancer", ["plain"]),
])
add(("DOI:10.3389/fimmu.2025.1665488", 32), [
 ("Tecelra (afami-cel), the first TCR-T therapy for synovial sarcoma, had an ORR of 43% and a complete response rate of 4.5% in SPEARHEAD-1.", F, "", ["joins_facts"]),
 ("In SPEARHEAD-1, responses lasting beyond 12 months were seen in 49% of responders.", N, "39% changed to 49%", ["plain"]),
 ("TAEST16001 reached an ORR of 41.7% in a phase I trial in advanced soft tissue sarcoma.", F, "", ["plain"]),
 ("Its SPEARHEAD-2 trial demonstrated an objective response rate of 43%.", M, "SPEARHEAD-1", ["plain"]),
 ("In the phase III trial, median OS was 21.7 months, significantly shorter than the 16.0 months of the control group.", C, "longer", ["comparison"]),
])
add(("DOI:10.3389/fimmu.2025.1688181", 33), [
 ("In a phase I study of satri-cel (CT041), the ORR was 57.1%, the disease control rate 75% and the six-month OS rate 81.2% in gastric cancer.", F, "", ["joins_facts", "number_in_words"]),
 ("Satricabtagene autoleucel is a first-in-class CLDN6-targeted CAR-T therapy.", M, "CLDN18.2", ["plain"]),
 ("CLDN18.2-specific CAR-T cells did not inhibit tumor growth in preclinical models.", G, "inhibited tumor growth", ["plain"]),
 ("In the phase I study of CT041, the six-month OS rate was 71.2%.", N, "81.2% changed to 71.2%", ["plain"]),
])
add(("DOI:10.3389/fimmu.2025.1688181", 34), [
 ("Third-line nivolumab, pembrolizumab, trifluridine/tipiracil and apatinib give ORRs of 11.2%, 13.3%, 4% and 1.7%, with median OS under six months.", F, "", ["number_in_words"]),
 ("Among third-line options, apatinib had a higher ORR than pembrolizumab.", C, "1.7% vs 13.3%: swapped", ["comparison"]),
 ("Anti-mesothelin hYP218 CAR-T cells persisted in the tumor microenvironment and kept their cytotoxicity, and pembrolizumab enhanced their antitumor activity.", F, "", ["joins_facts"]),
 ("As a third-line treatment for gastric cancer, nivolumab yields an ORR of 12.2%.", N, "11.2% changed to 12.2%", ["plain"]),
])
add(("DOI:10.3390/ph18081086", 88), [
 ("CRISPR-LNPs against PLK1 increased survival by 30% over the control group and achieved up to 70% gene editing in glioblastoma.", F, "", ["joins_facts"]),
 ("EGFR-targeted LNPs delivering sgPLK1 to ovarian tumors allowed 60% gene editing.", N, "80% changed to 60%", ["plain"]),
 ("Rosenblum et al. developed CRISPR-LNPs against PLK4 for orthotopic glioblastoma.", M, "PLK1", ["plain"]),
 ("LNPs remain a less efficient delivery system for targeted gene delivery than others.", C, "the most efficient", ["comparison"]),
])
add(("NCI:/types/head-and-neck/research/nivolumab-hnscc", 3), [
 ("One-year overall survival with nivolumab was more than double that with standard therapy (36.0% vs 16.6%).", F, "", ["comparison"]),
 ("The survival benefit of nivolumab did not depend on tumor PD-L1 expression and was seen in both HPV-negative and HPV-positive tumors.", F, "", ["joins_facts", "negation_elsewhere"]),
 ("The overall survival benefit of nivolumab was confined to HPV-positive tumors.", C, "both HPV-negative and HPV-positive", ["plain"]),
 ("Median overall survival was 7.5 months with nivolumab and 6.1 months with standard therapy.", N, "5.1 changed to 6.1", ["plain"]),
])
add(("NCI:/types/head-and-neck/research/nivolumab-hnscc", 4), [
 ("Median progression-free survival did not differ between the groups, but 6-month progression-free survival was 19.7% with nivolumab versus 9.9% with standard therapy.", F, "", ["negation_elsewhere", "joins_facts"]),
 ("The response rate was higher with standard therapy (13.3%) than with nivolumab (5.8%).", C, "arms swapped", ["comparison"]),
 ("Median progression-free survival differed between the nivolumab and standard therapy groups.", G, "no difference", ["plain"]),
 ("Grade 3 or 4 treatment-related adverse events were less common with nivolumab, the most common being fatigue, nausea and rash.", F, "", ["plain"]),
])
add(("NCI:/types/lung/research/pembrolizumab-nsclc-keynote-024", 2), [
 ("In KEYNOTE-024, median progression-free survival was 10.3 months with pembrolizumab versus 6.0 months with chemotherapy.", F, "", ["acronym_from_title"]),
 ("Immune-mediated adverse events were less common with pembrolizumab than with chemotherapy.", C, "29.2% vs 4.7%: direction swapped", ["comparison"]),
 ("Serious adverse events of grades 3 to 5 affected 26.6% of the pembrolizumab group and 53.3% of the chemotherapy group.", F, "", ["plain"]),
 ("At 6 months, 82.0% of the pembrolizumab group were alive versus 72.4% of the chemotherapy group.", N, "80.2% changed to 82.0%", ["plain"]),
])
add(("NCI:/types/lung/research/pembrolizumab-nsclc-keynote-024", 3), [
 ("No immune-mediated deaths occurred, and severe skin reactions affected 3.9% of patients on pembrolizumab.", F, "", ["negation_elsewhere", "joins_facts"]),
 ("CheckMate 057 compared nivolumab with platinum-based doublet chemotherapy as first-line treatment for PD-L1 positive NSCLC.", M, "CheckMate 026", ["plain"]),
 ("Dr. Malik called the results of CheckMate 026, a phase III trial of first-line nivolumab, surprisingly disappointing.", F, "", ["plain"]),
 ("In CheckMate 026, PD-L1 positive tumors were defined as expression in 5% or more of tumor cells.", N, "1% changed to 5%", ["plain"]),
])
add(("NCI:/types/skin/research/nivolumab-checkmate067", 7), [
 ("The objective response rate was 58% with nivolumab plus ipilimumab, 44% with nivolumab alone and 19% with ipilimumab alone.", F, "", ["plain"]),
 ("The complete response rate was higher with ipilimumab alone than with nivolumab alone.", C, "5% vs 16%: swapped", ["comparison"]),
 ("Complete responses were seen in 19% with the combination, 16% with nivolumab alone and 15% with ipilimumab alone.", N, "5% changed to 15%", ["plain"]),
 ("Both nivolumab-containing groups had higher response rates than the ipilimumab-alone group.", F, "", ["comparison"]),
])
add(("NCI:/types/skin/research/nivolumab-checkmate067", 8), [
 ("Overall survival rates were 58% with the combination, 52% with nivolumab alone and 34% with ipilimumab alone.", F, "", ["plain"]),
 ("In patients with higher PD-L1 levels, the combination clearly improved overall survival over nivolumab alone.", C, "similar", ["comparison"]),
 ("Grade 3 or 4 treatment-related side effects occurred in 55% of the combination group, 21% of the nivolumab group and 28% of the ipilimumab group.", F, "", ["plain"]),
 ("Grade 3 or 4 side effects occurred in 21% of the nivolumab group and 38% of the ipilimumab group.", N, "28% changed to 38%", ["plain"]),
])

# second batch: more faithful sentences, names and negations (balance)
add("PMID:8120071", [
 ("A total of 447 treatment courses of IL-2 at 720,000 IU/kg every 8 hours were given.", F, "", ["plain"]),
 ("Twenty patients (13%) with renal cell cancer had a partial regression, compared with fourteen (10%) with melanoma.", F, "", ["number_in_words", "comparison"]),
 ("Patients received IL-2 at 720 000 IU/kg subcutaneously every 8 hours.", M, "intravenously", ["plain"]),
])
add("PMID:21498393", [
 ("Ninety-five percent of the 93 patients had progressed after a prior systemic treatment, and median potential follow-up was 62 months.", F, "", ["number_in_words", "joins_facts"]),
 ("For the 20 complete responders, 3- and 5-year survival was 100% and 93%, compared with 36% and 29% for the entire group.", F, "", ["joins_facts", "comparison"]),
 ("The persistence of infused cells in the circulation at 1 month was unrelated to objective response.", G, "associated (P < 0.001)", ["plain"]),
])
add("PMID:25704439", [
 ("Nivolumab was given intravenously at 3 mg/kg every 2 weeks to patients with at least two previous treatments, at 27 sites in four countries.", F, "", ["joins_facts", "number_in_words"]),
 ("Thirty of the 117 patients (26%) had stable disease, with a median duration of 6.0 months.", F, "", ["number_in_words", "x_of_y"]),
 ("Docetaxel had clinically meaningful activity in previously treated patients with refractory squamous NSCLC.", M, "nivolumab", ["plain"]),
])
add("PMID:25897158", [
 ("Six more patients (5%) had unconventional immune-pattern responses.", F, "", ["number_in_words"]),
 ("Three treatment-related deaths occurred, each associated with pneumonitis, and grade 3-4 treatment-related adverse events affected 14% of patients.", F, "", ["joins_facts", "number_in_words"]),
 ("No treatment-related deaths occurred among the 129 patients.", G, "three treatment-related deaths", ["plain"]),
])
add("PMID:26028407", [
 ("In squamous NSCLC, 272 patients were randomly assigned to nivolumab 3 mg/kg every 2 weeks or docetaxel 75 mg/m2 every 3 weeks.", F, "", ["plain"]),
 ("Nivolumab did better than docetaxel on overall survival, response rate and progression-free survival whatever the PD-L1 expression level.", F, "", ["comparison"]),
 ("Nivolumab was compared with pemetrexed in advanced squamous-cell NSCLC.", M, "docetaxel", ["drug_name_as_title"]),
])
add("PMID:26412456", [
 ("One-year overall survival was 51% with nivolumab and 39% with docetaxel.", F, "", ["plain"]),
 ("Nivolumab was not associated with greater efficacy than docetaxel in any PD-L1 subgroup.", G, "even greater efficacy across all end points in PD-L1 subgroups", ["plain"]),
])
add("PMID:27718847", [
 ("Pembrolizumab was given at a fixed dose of 200 mg every 3 weeks, and patients on chemotherapy could cross over on progression.", F, "", ["joins_facts"]),
 ("Crossover from the chemotherapy group to the pembrolizumab group was not permitted.", G, "permitted", ["plain"]),
])
add("PMID:28885881", [
 ("Of 713 patients randomized, 709 received consolidation therapy, 473 with durvalumab and 236 with placebo.", F, "", ["plain"]),
 ("Durvalumab was given every 2 weeks for up to a year, starting 1 to 42 days after chemoradiotherapy.", F, "", ["range", "number_in_words"]),
 ("Consolidation with atezolizumab after chemoradiotherapy prolonged progression-free survival in stage III NSCLC.", M, "durvalumab", ["drug_name_as_title"]),
])
add("PMID:29658845", [
 ("Patients with PD-L1 of at least 1% were randomized 1:1:1 to nivolumab plus ipilimumab, nivolumab alone or chemotherapy.", F, "", ["plain"]),
 ("The benefit of nivolumab plus ipilimumab did not extend to patients with PD-L1 expression below 1%.", G, "consistent in those below 1%", ["plain"]),
])
add("PMID:28636851", [
 ("Treatment-related adverse events of any grade occurred in 71% of patients on nivolumab and 92% on chemotherapy.", F, "", ["plain"]),
 ("In CheckMate 227, first-line nivolumab failed to prolong progression-free survival in PD-L1-positive NSCLC.", M, "CheckMate 026", ["plain"]),
])
add("PMID:9742914", [
 ("IL-2 was given at 720,000 IU/kg by 15-minute infusions every 8 hours for up to 5 days per cycle, two cycles making a course.", F, "", ["joins_facts", "number_in_words"]),
 ("Tumor regressions were confined to a few organ sites.", C, "virtually all organ sites", ["plain"]),
])
add(("PMID:30280658", 3), [
 ("Median time to death or distant metastasis was 28.3 months with durvalumab and 16.2 months with placebo (hazard ratio 0.53).", F, "", ["drug_name_as_title"]),
 ("Updated progression-free survival results differed from those previously reported.", C, "similar", ["plain"]),
])
add(("PMID:34096690", 3), [
 ("Responses to sotorasib were seen across PD-L1, tumor mutational burden and STK11, KEAP1 or TP53 subgroups.", F, "", ["drug_name_as_title"]),
 ("Disease control occurred in 100 patients, or about four in five.", F, "", ["number_in_words", "percent_of"]),
])
add(("PMID:30620668", 3), [
 ("With the two-stage crossover adjustment, pembrolizumab's hazard ratio for OS versus chemotherapy was 0.49 (95% CI 0.34 to 0.69).", F, "", ["drug_name_as_title", "range"]),
 ("Treatment-related grade 3 to 5 adverse events were less frequent with nivolumab compared with chemotherapy (31.2% v 53.3%).", M, "pembrolizumab", ["drug_name_as_title"]),
])
add(("NCI:/types/head-and-neck/research/nivolumab-hnscc", 3), [
 ("After a median follow-up of 5.1 months, median overall survival was 7.5 months with nivolumab versus 5.1 months with standard therapy.", F, "", ["plain"]),
 ("Pembrolizumab increased overall survival in both HPV-negative and HPV-positive head and neck tumors.", M, "nivolumab", ["drug_name_as_title"]),
])
add(("NCI:/types/head-and-neck/research/nivolumab-hnscc", 4), [
 ("Quality of life with nivolumab stayed the same or improved slightly compared with before treatment.", F, "", ["plain"]),
 ("The response rate was 13.3% with nivolumab against 5.8% with standard therapy.", F, "", ["plain"]),
])
add(("NCI:/types/lung/research/pembrolizumab-nsclc-keynote-024", 3), [
 ("Immune-mediated grade 3 or 4 events seen in two or more patients all occurred in the pembrolizumab group.", F, "", ["plain"]),
 ("Two immune-mediated deaths were reported with pembrolizumab.", G, "there were no immune-mediated deaths", ["plain"]),
])
add(("NCI:/types/skin/research/nivolumab-checkmate067", 8), [
 ("Progression-free survival rates were 39% with nivolumab plus ipilimumab, 32% with nivolumab and 10% with ipilimumab.", F, "", ["plain"]),
 ("Among patients with low PD-L1 levels, preliminary data suggested combination therapy may improve survival more than either drug alone.", F, "", ["plain"]),
 ("In patients with low PD-L1 levels, the combination did not appear to improve survival over either drug alone.", G, "may improve", ["plain"]),
])
add(("DOI:10.3389/fimmu.2025.1665488", 32), [
 ("Tecelra (afami-cel) received FDA accelerated approval in August 2024 and was the first TCR-T therapy for synovial sarcoma.", F, "", ["plain"]),
 ("Tecelra was the first TCR-T therapy approved for Ewing sarcoma.", M, "synovial sarcoma", ["plain"]),
])


write_set(S, "n", ROOT / "benchmarks/support/sentences_new.jsonl")
