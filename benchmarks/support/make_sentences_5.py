# ruff: noqa: E501  (one hand-written sentence a line)
"""Hand-written sentences (fifth set) against real evidence passages no earlier set uses: items of cancer.gov PDQ
treatment summaries (health professional versions), as benchmarks/outcomes/to_label.jsonl holds them (doc_ids
"NCI:/types/...-pdq#chars=a-b"; the passage is the line's text), about thirty of varied cancers. Written as clinicians
write about trials: joined facts, numbers in words or rounded, acronyms, hedged conclusions, comparisons between arms.
Half are faithful, half carry exactly one planted error; about 40% of the errors are claims the passage does not make
(a conclusion, comparison, causal link, population, direction or strength), the rest numbers, names and negations.
Writes benchmarks/support/sentences_5.jsonl (ids s5-001...; same fields and split rule as the other sets)."""
import collections
import json

from sentence_sets import ROOT, C, F, G, M, N, split

PASSAGES = ROOT / "benchmarks" / "outcomes" / "to_label.jsonl"
TITLES = {  # the PDQ summary each page is (cancer.gov names them so)
    "melanoma-treatment-pdq": "Melanoma Treatment (PDQ®)–Health Professional Version",
    "child-all-treatment-pdq": "Childhood Acute Lymphoblastic Leukemia Treatment (PDQ®)–Health Professional Version",
    "adult-liver-treatment-pdq": "Hepatocellular Carcinoma Treatment (PDQ®)–Health Professional Version",
    "cervical-treatment-pdq": "Cervical Cancer Treatment (PDQ®)–Health Professional Version",
    "aggressive-b-cell-lymphoma-treatment-pdq": "Aggressive B-Cell Non-Hodgkin Lymphoma Treatment (PDQ®)–Health Professional Version",
    "gallbladder-treatment-pdq": "Gallbladder Cancer Treatment (PDQ®)–Health Professional Version",
    "adult-hodgkin-treatment-pdq": "Hodgkin Lymphoma Treatment (PDQ®)–Health Professional Version",
    "child-melanoma-treatment-pdq": "Childhood Melanoma Treatment (PDQ®)–Health Professional Version",
    "bladder-treatment-pdq": "Bladder Cancer Treatment (PDQ®)–Health Professional Version",
    "mesothelioma-treatment-pdq": "Malignant Mesothelioma Treatment (PDQ®)–Health Professional Version",
    "esophageal-treatment-pdq": "Esophageal Cancer Treatment (PDQ®)–Health Professional Version",
    "small-cell-lung-treatment-pdq": "Small Cell Lung Cancer Treatment (PDQ®)–Health Professional Version",
    "cll-treatment-pdq": "Chronic Lymphocytic Leukemia Treatment (PDQ®)–Health Professional Version",
    "unknown-primary-treatment-pdq": "Carcinoma of Unknown Primary Treatment (PDQ®)–Health Professional Version",
    "hypopharyngeal-treatment-pdq": "Hypopharyngeal Cancer Treatment (Adult) (PDQ®)–Health Professional Version",
    "rectal-treatment-pdq": "Rectal Cancer Treatment (PDQ®)–Health Professional Version",
    "kaposi-treatment-pdq": "Kaposi Sarcoma Treatment (PDQ®)–Health Professional Version",
    "laryngeal-treatment-pdq": "Laryngeal Cancer Treatment (PDQ®)–Health Professional Version",
    "child-soft-tissue-treatment-pdq": "Childhood Soft Tissue Sarcoma Treatment (PDQ®)–Health Professional Version",
    "skin-treatment-pdq": "Skin Cancer Treatment (PDQ®)–Health Professional Version",
    "indolent-b-cell-lymphoma-treatment-pdq": "Indolent B-Cell Non-Hodgkin Lymphoma Treatment (PDQ®)–Health Professional Version",
    "kidney-treatment-pdq": "Renal Cell Cancer Treatment (PDQ®)–Health Professional Version",
    "child-astrocytoma-glioma-treatment-pdq": "Childhood Astrocytomas, Other Gliomas, and Glioneuronal/Neuronal Tumors Treatment (PDQ®)–Health Professional Version",
    "adult-soft-tissue-treatment-pdq": "Soft Tissue Sarcoma Treatment (PDQ®)–Health Professional Version",
    "endometrial-treatment-pdq": "Endometrial Cancer Treatment (PDQ®)–Health Professional Version",
    "merkel-cell-treatment-pdq": "Merkel Cell Carcinoma Treatment (PDQ®)–Health Professional Version",
    "colon-treatment-pdq": "Colon Cancer Treatment (PDQ®)–Health Professional Version",
    "myeloma-treatment-pdq": "Plasma Cell Neoplasms (Including Multiple Myeloma) Treatment (PDQ®)–Health Professional Version",
    "prostate-treatment-pdq": "Prostate Cancer Treatment (PDQ®)–Health Professional Version",
    "breast-treatment-pdq": "Breast Cancer Treatment (PDQ®)–Health Professional Version",
    "child-hodgkin-treatment-pdq": "Childhood Hodgkin Lymphoma Treatment (PDQ®)–Health Professional Version",
    "stomach-treatment-pdq": "Gastric Cancer Treatment (PDQ®)–Health Professional Version",
    "non-small-cell-lung-treatment-pdq": "Non-Small Cell Lung Cancer Treatment (PDQ®)–Health Professional Version",
}

# (doc_id, sentence, error kind or None, detail, features)
S = []


def add(doc_id, rows):
    for r in rows:
        S.append((doc_id,) + r)


add("NCI:/types/skin/hp/melanoma-treatment-pdq#chars=59945-60751", [
 ("In the UK trial of melanomas thicker than 2 mm, excision with 1-cm margins led to more locoregional recurrence than 3-cm margins (HR 1.34).", F, "", ["comparison", "abbreviation"]),
 ("Overall survival did not differ between the 1-cm and 3-cm margin groups after about five years.", F, "", ["number_in_words", "negation_elsewhere"]),
 ("By 8.8 years, wider 3-cm margins gave a melanoma-specific survival advantage.", F, "", ["comparison"]),
 ("The authors suggest that a 1-cm margin may not be adequate for melanomas over 2 mm thick.", F, "", ["hedged"]),
 ("Excision with 1-cm margins roughly halved locoregional recurrence compared with 3-cm margins.", C, "1-cm margins had higher recurrence", ["comparison", "direction"]),
 ("Three-centimetre margins improved overall survival in melanomas thicker than 2 mm.", C, "no OS difference", ["comparison"]),
 ("The trial enrolled patients with melanomas thicker than 4 mm.", N, "2 mm changed to 4 mm", ["plain"]),
 ("The study shows that 1-cm margins are adequate for thick melanomas.", G, "may not be adequate", ["plain"]),
])
add("NCI:/types/leukemia/hp/child-all-treatment-pdq#chars=294418-295419", [
 ("In a retrospective study of 653 children with Down syndrome and ALL, CR rates were slightly lower than in children without Down syndrome, 97% against 99%.", F, "", ["comparison", "joins_facts"]),
 ("Relapse was more common with Down syndrome, about a quarter versus 15%.", F, "", ["number_in_words", "comparison"]),
 ("Treatment-related mortality was roughly three times higher in patients with Down syndrome (7.7% vs 2.3%), and infection was the leading cause.", F, "", ["joins_facts", "number_in_words"]),
 ("Among patients with Down syndrome, age under six, a WBC count below 10,000/μL and ETV6::RUNX1 predicted better EFS.", F, "", ["number_in_words", "abbreviation"]),
 ("Children with Down syndrome had higher CR rates than other children with ALL.", C, "lower CR rates", ["comparison", "direction"]),
 ("Treatment-related mortality in Down syndrome was not raised during maintenance.", G, "higher in all phases, including maintenance", ["plain"]),
 ("The study included 563 patients with Down syndrome and ALL.", N, "653 changed to 563", ["plain"]),
 ("The BCR::ABL1 fusion predicted favourable EFS in Down syndrome ALL.", M, "ETV6::RUNX1", ["plain"]),
 ("Bleeding was the most common cause of treatment-related mortality.", M, "infection", ["plain"]),
])
add("NCI:/types/liver/hp/adult-liver-treatment-pdq#chars=44265-44809", [
 ("Median OS was 22.8 months in arm A, about twice that of arms B and C (12.5 and 12.7 months).", F, "", ["comparison", "number_in_words"]),
 ("Objective responses were similar across the three arms, from 27% to 32%.", F, "", ["joins_facts"]),
 ("Roughly three quarters of patients in arm A had grade 3 or worse treatment-related adverse events.", F, "", ["number_in_words"]),
 ("In arm C, patients got nivolumab 3 mg/kg every two weeks with ipilimumab 1 mg/kg every six weeks.", F, "", ["number_in_words"]),
 ("Arm A had the fewest grade 3 or higher treatment-related adverse events of the three arms.", C, "arm A had the most (76%)", ["comparison"]),
 ("Arm C, with ipilimumab every six weeks, gave the longest median overall survival.", C, "arm A did", ["comparison"]),
 ("The response rate in arm B was 37%.", N, "27% changed to 37%", ["plain"]),
])
add("NCI:/types/cervical/hp/cervical-treatment-pdq#chars=63552-64386", [
 ("KEYNOTE-158 gave pembrolizumab 200 mg every three weeks to 98 patients with recurrent or metastatic cervical cancer.", F, "", ["acronym", "number_in_words"]),
 ("In the 77 PD-L1-positive patients, the response rate was 16%, with three complete and ten partial responses.", F, "", ["number_in_words", "joins_facts"]),
 ("Median PFS was only about two months in the PD-L1-positive group, and median OS 9.4 months.", F, "", ["number_in_words", "hedged"]),
 ("About two thirds of patients had a treatment-related adverse event, hypothyroidism being the most common.", F, "", ["number_in_words"]),
 ("KEYNOTE-158 was a randomized trial comparing pembrolizumab with chemotherapy in cervical cancer.", C, "nonrandomized, single agent", ["comparison"]),
 ("Pembrolizumab doubled overall survival in PD-L1-positive cervical cancer.", C, "no comparison", ["causal"]),
 ("Responses were seen mainly in patients with adenocarcinoma histology.", C, "92% squamous; no such subgroup", ["population"]),
 ("The overall response rate among PD-L1-positive patients was 26%.", N, "16% changed to 26%", ["plain"]),
 ("Pembrolizumab was given at 200 mg every 2 weeks.", N, "every 3 weeks", ["plain"]),
 ("The most common treatment-related adverse event was colitis.", M, "hypothyroidism", ["plain"]),
])
add("NCI:/types/lymphoma/hp/aggressive-b-cell-lymphoma-treatment-pdq#chars=46714-47382", [
 ("In 592 patients under 60 with nonbulky stage I-II DLBCL, four cycles of R-CHOP were noninferior to six.", F, "", ["comparison", "abbreviation"]),
 ("Three-year PFS with four cycles of R-CHOP was 96%, slightly better than with six cycles.", F, "", ["number_in_words", "comparison"]),
 ("Patients in the four-cycle arm received two extra cycles of rituximab.", F, "", ["paraphrase"]),
 ("Median follow-up in the trial was 66 months.", F, "", ["plain"]),
 ("The trial did not establish noninferiority of four cycles of R-CHOP.", G, "established", ["plain"]),
 ("The trial shows that four cycles of R-CHOP suit patients with bulky stage II DLBCL.", C, "nonbulky disease only", ["population"]),
 ("The trial enrolled patients younger than 70 years.", N, "60 changed to 70", ["plain"]),
 ("Patients were randomly assigned to four or six cycles of R-CVP.", M, "R-CHOP", ["plain"]),
])
add("NCI:/types/gallbladder/hp/gallbladder-treatment-pdq#chars=20898-21849", [
 ("In a phase III trial of 114 patients with metastatic biliary tract cancer, XELOX was noninferior to GEMOX for 6-month PFS.", F, "", ["acronym", "comparison"]),
 ("About a quarter of the patients had primary gallbladder cancer.", F, "", ["number_in_words"]),
 ("Median OS was about ten and a half months in both arms.", F, "", ["number_in_words", "comparison"]),
 ("In the gallbladder cancer subgroup, response rates did not differ between capecitabine-oxaliplatin and gemcitabine-oxaliplatin.", F, "", ["negation_elsewhere", "paraphrase"]),
 ("XELOX significantly prolonged overall survival compared with GEMOX.", C, "not significantly different", ["comparison"]),
 ("Patients with gallbladder cancer responded better to XELOX than to GEMOX.", C, "no difference", ["comparison", "population"]),
 ("Six-month PFS was 44.6% with XELOX and 46.7% with GEMOX.", M, "arms swapped", ["plain"]),
 ("The trial enrolled 141 patients.", N, "114 changed to 141", ["plain"]),
 ("XELOX did not meet the criteria for noninferiority.", G, "met", ["plain"]),
])
add("NCI:/types/lymphoma/hp/adult-hodgkin-treatment-pdq#chars=50824-51572", [
 ("In a phase II trial of 94 patients with bulky early-stage Hodgkin lymphoma, about four in five were PET-negative after two cycles of ABVD.", F, "", ["number_in_words", "paraphrase"]),
 ("PET2-positive patients switched to four cycles of escalated BEACOPP followed by 30.6 Gy of IFRT.", F, "", ["abbreviation"]),
 ("Three-year PFS was about 93% for PET2-negative and 90% for PET2-positive patients.", F, "", ["number_in_words", "joins_facts"]),
 ("Three-year OS was high in both groups, 98.6% and 94.4%.", F, "", ["joins_facts"]),
 ("PET2-positive patients did not receive IFRT.", G, "30.6 Gy of IFRT", ["plain"]),
 ("Escalating to BEACOPP made the outcome of PET2-positive patients better than that of PET2-negative patients.", C, "PFS and OS lower in PET2-positive", ["comparison", "causal"]),
 ("About 32% of patients were PET2-positive.", N, "22%", ["plain"]),
 ("PET-negative patients received two more cycles of BEACOPP.", M, "ABVD", ["plain"]),
])
add("NCI:/types/skin/hp/child-melanoma-treatment-pdq#chars=31204-32185", [
 ("An Italian review of 99 young patients with melanoma found that 81 had received anti-PD-1 therapy.", F, "", ["joins_facts"]),
 ("With adjuvant anti-PD-1, three-year PFS was about 71% and OS about 81%.", F, "", ["number_in_words", "joins_facts"]),
 ("First-line anti-PD-1 monotherapy for advanced disease gave a response rate of one in four.", F, "", ["number_in_words"]),
 ("Toxicities matched those reported in adults with melanoma.", F, "", ["paraphrase"]),
 ("Children had more toxicity from anti-PD-1 therapy than adults do.", C, "consistent with adult studies", ["comparison"]),
 ("In advanced disease, first-line anti-PD-1 monotherapy gave a three-year OS of 43%.", N, "34% changed to 43%", ["plain"]),
 ("The patients were treated at 15 Spanish academic centres.", M, "Italian", ["plain"]),
])
add("NCI:/types/bladder/hp/bladder-treatment-pdq#chars=66467-67919", [
 ("In AMBASSADOR, adjuvant pembrolizumab after radical cystectomy almost doubled median DFS compared with observation, 26.9 against 14.2 months.", F, "", ["acronym", "comparison", "number_in_words"]),
 ("The 702 patients had positive margins, node-positive disease or high pathological T stage.", F, "", ["joins_facts"]),
 ("Three-year OS was about 60% in both arms, with no significant difference.", F, "", ["number_in_words", "negation_elsewhere"]),
 ("Grade 3 or worse adverse events were more frequent with pembrolizumab, about half of patients against a third with observation.", F, "", ["comparison", "number_in_words"]),
 ("Adjuvant pembrolizumab improved overall survival in AMBASSADOR.", C, "OS not significantly different", ["causal"]),
 ("The DFS benefit of pembrolizumab was confined to patients with a PD-L1 CPS of 10 or more.", C, "HR 0.71 in CPS<10; 0.81 CI crossing 1 in CPS>=10", ["population"]),
 ("Median follow-up was 48.4 months.", N, "44.8", ["plain"]),
 ("About 75% of enrolled patients had a PD-L1 CPS of at least 10.", N, "57.5%", ["plain"]),
 ("AMBASSADOR compared adjuvant nivolumab with observation.", M, "pembrolizumab", ["plain"]),
])
add("NCI:/types/mesothelioma/hp/mesothelioma-treatment-pdq#chars=36585-38367", [
 ("In the phase II VIM trial, oral vinorelbine added to active symptom control lengthened median PFS from 2.8 to 4.2 months.", F, "", ["acronym", "comparison"]),
 ("Median OS was about nine months in both groups.", F, "", ["number_in_words"]),
 ("Responses were rare, 3% with vinorelbine and 2% with ASC alone.", F, "", ["abbreviation"]),
 ("Low BRCA1 expression did not correlate with vinorelbine activity in this trial.", F, "", ["negation_elsewhere"]),
 ("Patients were randomized 2:1, 98 to vinorelbine and 56 to ASC alone.", F, "", ["joins_facts"]),
 ("Vinorelbine significantly prolonged overall survival in relapsed mesothelioma.", C, "OS did not differ", ["causal"]),
 ("Low BRCA1 expression predicted resistance to vinorelbine in the VIM trial.", C, "did not correlate (preclinical only)", ["causal"]),
 ("Vinorelbine was not well tolerated in the VIM trial.", G, "generally well tolerated", ["plain"]),
 ("The VIM trial included 145 patients.", N, "154", ["plain"]),
 ("Patients had progressed after previous pemetrexed-based immunotherapy.", M, "platinum-based chemotherapy", ["plain"]),
])
add("NCI:/types/esophageal/hp/esophageal-treatment-pdq#chars=55580-56315", [
 ("POET, which closed early for poor accrual after 126 patients, tested adding radiation therapy to preoperative chemotherapy.", F, "", ["acronym", "joins_facts"]),
 ("Three-year survival rose from 27% to 47% with preoperative radiation, a difference that fell short of significance (P = .07).", F, "", ["hedged", "comparison"]),
 ("Postoperative mortality was somewhat higher with chemoradiation, 10.2% versus 3.8%, but not significantly.", F, "", ["comparison", "negation_elsewhere"]),
 ("Preoperative radiation significantly improved 3-year survival in POET.", C, "P = .07, not significant", ["causal"]),
 ("Postoperative mortality was significantly higher with chemoradiation therapy.", C, "nonsignificantly", ["plain"]),
 ("POET was not closed early.", G, "closed early because of poor accrual", ["plain"]),
 ("In the chemoradiation arm, chemotherapy lasted 15 weeks before radiation therapy.", N, "12 weeks", ["plain"]),
 ("POET enrolled patients with esophagogastric squamous cell carcinoma.", M, "adenocarcinoma", ["plain"]),
])
add("NCI:/types/lung/hp/small-cell-lung-treatment-pdq#chars=36097-36598", [
 ("Randomized trials have not clearly shown that maintenance chemotherapy lengthens survival in small cell lung cancer.", F, "", ["negation_elsewhere"]),
 ("A meta-analysis of 14 randomized trials found an odds ratio of 0.67 for both 1- and 2-year OS with longer or maintenance therapy.", F, "", ["number_in_words"]),
 ("That meant about 9% more patients alive at one year and 4% more at two years.", F, "", ["number_in_words"]),
 ("Maintenance chemotherapy clearly doubles survival in small cell lung cancer.", C, "no clear evidence; modest gain", ["causal"]),
 ("The meta-analysis found no benefit from longer or maintenance therapy.", G, "OR 0.67, P < .001", ["plain"]),
 ("The meta-analysis pooled 41 randomized trials.", N, "14", ["plain"]),
 ("One-year OS rose by 4% and two-year OS by 9%.", N, "swapped", ["plain"]),
])
add("NCI:/types/leukemia/hp/cll-treatment-pdq#chars=38290-38871", [
 ("The German CLL Study Group found longer median PFS with first-line FCR than with BR, 55.2 against 41.7 months.", F, "", ["acronym", "comparison"]),
 ("Three-year OS was about 91-92% in both arms.", F, "", ["number_in_words"]),
 ("In patients over 65, PFS did not differ between FCR and BR, but grade 3-5 infections were more frequent with FCR.", F, "", ["joins_facts", "population"]),
 ("BR gave longer progression-free survival than FCR.", C, "FCR better", ["comparison", "direction"]),
 ("FCR also improved overall survival at three years.", C, "no OS difference", ["comparison"]),
 ("Infections were no more frequent with FCR than with BR in patients over 65.", G, "47% vs 27%", ["population"]),
 ("Grade 3 to 5 infections occurred in 57% of older patients given FCR.", N, "47%", ["plain"]),
 ("The French CLL Study Group compared BR and FCR.", M, "German", ["plain"]),
])
add("NCI:/types/unknown-primary/hp/unknown-primary-treatment-pdq#chars=8058-8396", [
 ("A meta-analysis of 38 studies and nearly 2,800 patients found that FDG-PET or PET-CT changed management in about a third of patients.", F, "", ["number_in_words"]),
 ("PET-CT found the primary site in 22% of patients and other metastases in 14%.", F, "", ["joins_facts"]),
 ("PET-CT found the primary site in most patients with cancer of unknown primary.", C, "22%", ["plain"]),
 ("Management changes after PET-CT improved survival in the meta-analysis.", C, "no survival outcome", ["causal"]),
 ("The meta-analysis included 2,795 patients from 83 studies.", N, "38", ["plain"]),
 ("PET-CT identified other metastases in 41% of patients.", N, "14%", ["plain"]),
])
add("NCI:/types/head-and-neck/hp/adult/hypopharyngeal-treatment-pdq#chars=37873-38807", [
 ("Pembrolizumab plus chemotherapy gave longer OS than cetuximab plus chemotherapy, 13.0 against 10.7 months in the total population.", F, "", ["comparison"]),
 ("The benefit was largest in patients with a CPS of 20 or more (HR 0.60).", F, "", ["comparison", "abbreviation"]),
 ("With a CPS of 1 or more, median OS was about 13.6 months with pembrolizumab-chemotherapy and 10.4 months with cetuximab-chemotherapy.", F, "", ["number_in_words"]),
 ("The OS benefit of pembrolizumab with chemotherapy was limited to patients with a CPS of 20 or more.", C, "total population and CPS>=1 also benefited", ["population"]),
 ("In the CPS 20 or higher group, median OS was 17.4 months with pembrolizumab and chemotherapy.", N, "14.7", ["plain"]),
 ("Pembrolizumab plus chemotherapy was compared with nivolumab plus chemotherapy.", M, "cetuximab", ["plain"]),
])
add("NCI:/types/colorectal/hp/rectal-treatment-pdq#chars=104740-105010", [
 ("Adding panitumumab to FOLFOX4 lengthened median PFS from 8.0 to 9.6 months.", F, "", ["comparison"]),
 ("Overall survival did not differ significantly with panitumumab (HR 0.83).", F, "", ["negation_elsewhere"]),
 ("Panitumumab with FOLFOX4 significantly improved overall survival.", C, "P = .072", ["causal"]),
 ("Median PFS was shorter with panitumumab-FOLFOX4 than with FOLFOX4 alone.", C, "longer", ["comparison", "direction"]),
 ("Median PFS was 9.6 months with cetuximab and FOLFOX4.", M, "panitumumab", ["plain"]),
])
add("NCI:/types/soft-tissue-sarcoma/hp/kaposi-treatment-pdq#chars=13230-13791", [
 ("In a small randomized trial of 73 patients with AIDS-associated KS, responses were 46% with PLD and 56% with paclitaxel.", F, "", ["acronym", "comparison"]),
 ("Median PFS was half a year longer with paclitaxel, 18 against 12 months.", F, "", ["number_in_words", "comparison"]),
 ("Two-year OS was nearly identical, 78% and 79%.", F, "", ["comparison"]),
 ("About a third of patients had an undetectable HIV viral load.", F, "", ["number_in_words"]),
 ("Paclitaxel clearly improved two-year survival over PLD.", C, "78% vs 79%", ["comparison", "causal"]),
 ("PLD gave higher response rates than paclitaxel.", C, "lower", ["comparison", "direction"]),
 ("The trial showed paclitaxel to be the standard of care for classic Kaposi sarcoma.", C, "AIDS-associated, small trial", ["population"]),
 ("Median PFS with PLD was 18 months.", N, "12 months", ["plain"]),
 ("The trial randomized 37 patients.", N, "73", ["plain"]),
])
add("NCI:/types/head-and-neck/hp/child/laryngeal-treatment-pdq#chars=7629-8365", [
 ("In a registry of children with juvenile-onset recurrent respiratory papillomatosis from 23 states, almost nine in ten had been born vaginally.", F, "", ["number_in_words"]),
 ("Only 16 of the 114 age-eligible mothers had received the HPV vaccine, and just one before delivery.", F, "", ["joins_facts"]),
 ("Nearly all tested biopsies (157 of 162) carried HPV, every one a vaccine-preventable type.", F, "", ["joins_facts"]),
 ("The mothers' median age at delivery was 22 years.", F, "", ["plain"]),
 ("Vaccinating mothers against HPV was shown to prevent papillomatosis in their children.", C, "not studied", ["causal"]),
 ("Most of the children with papillomatosis were not delivered vaginally.", G, "88.8% delivered vaginally", ["plain"]),
 ("Caesarean delivery appears to be a risk factor for recurrent respiratory papillomatosis.", C, "vaginal birth", ["causal", "direction"]),
 ("The registry covered children from 32 states.", N, "23", ["plain"]),
 ("Of the tested specimens, 157 did not carry a vaccine-preventable HPV type.", G, "all had", ["plain"]),
])
add("NCI:/types/soft-tissue-sarcoma/hp/child-soft-tissue-treatment-pdq#chars=140413-141427", [
 ("In the EpSSG study of MPNST in patients 21 and younger, completely resected tumours treated with surgery alone had a 5-year EFS of 92%.", F, "", ["acronym"]),
 ("After incomplete resection, 5-year EFS was only about a third, with either adjuvant radiation or chemotherapy.", F, "", ["number_in_words", "joins_facts"]),
 ("The 27 patients given chemotherapy before surgery or with nodal involvement had a 5-year EFS of 52%.", F, "", ["plain"]),
 ("Adjuvant chemotherapy after incomplete resection worked better than adjuvant radiation therapy.", C, "29% vs 33%, nonrandom", ["comparison"]),
 ("Surgery alone was not used for any cohort in the EpSSG study.", G, "cohort 1, surgery only", ["plain"]),
 ("Surgery alone was enough for tumours with microscopically positive margins.", C, "R0 only", ["population"]),
 ("The 5-year EFS rate after surgery alone was 82%.", N, "92%", ["plain"]),
])
add("NCI:/types/skin/hp/skin-treatment-pdq#chars=55385-56130", [
 ("In a multicentre trial of 229 patients, PDT with methyl aminolevulinate gave a 12-month sustained complete response rate of 80%.", F, "", ["abbreviation"]),
 ("PDT did better than the physician-choice treatments combined, which included cryotherapy and topical 5-FU.", F, "", ["comparison", "joins_facts"]),
 ("Cosmetic results were best with PDT.", F, "", ["plain"]),
 ("At three months, 93% of lesions treated with PDT had cleared, against 21% with placebo cream.", F, "", ["number_in_words", "comparison"]),
 ("Cryotherapy gave better cosmetic results than PDT.", C, "PDT best", ["comparison"]),
 ("PDT did not give better cosmetic results than the other treatments.", G, "best in the PDT group", ["plain"]),
 ("Sustained complete response at 12 months was 69% for placebo cream with red light.", N, "67%", ["plain"]),
 ("Ninety-one patients received cryotherapy.", N, "77", ["plain"]),
])
add("NCI:/types/lymphoma/hp/indolent-b-cell-lymphoma-treatment-pdq#chars=70960-71512", [
 ("In 325 patients diagnosed between 1972 and 1999, the 10-year risk of histological transformation was 30%.", F, "", ["plain"]),
 ("Advanced stage, a high-risk FLIPI and watchful waiting were linked to later transformation.", F, "", ["acronym", "joins_facts"]),
 ("After transformation, median survival was only one to two years.", F, "", ["number_in_words"]),
 ("Starting treatment at diagnosis instead of watchful waiting was associated with less transformation in this series.", F, "", ["hedged", "comparison"]),
 ("Watchful waiting protected against histological transformation.", C, "a risk factor", ["direction"]),
 ("Most patients were still alive 10 years after re-treatment for transformed disease.", C, "10%-20%", ["plain"]),
 ("Immediate treatment at diagnosis was proven to prevent transformation.", C, "retrospective association", ["causal"]),
 ("The 10-year risk of histological transformation was 13%.", N, "30%", ["plain"]),
 ("A quarter of patients were alive 10 years after transformation.", N, "5 years", ["plain"]),
])
add("NCI:/types/kidney/hp/kidney-treatment-pdq#chars=20329-21490", [
 ("In 615 patients with high-risk clear cell RCC after nephrectomy, a year of adjuvant sunitinib lengthened median DFS from 5.6 to 6.8 years.", F, "", ["comparison", "abbreviation"]),
 ("Overall survival was no different with sunitinib (HR 1.01).", F, "", ["negation_elsewhere"]),
 ("About a third of patients needed a dose reduction, and 28% stopped sunitinib.", F, "", ["number_in_words", "joins_facts"]),
 ("Sunitinib was given four weeks on and two weeks off.", F, "", ["number_in_words"]),
 ("Nearly half had grade 3 adverse events on sunitinib, most often hand-foot syndrome, hypertension and fatigue.", F, "", ["paraphrase", "joins_facts"]),
 ("Adjuvant sunitinib improved both DFS and overall survival.", C, "no OS difference", ["causal"]),
 ("Adjuvant sunitinib did not lengthen disease-free survival.", G, "6.8 vs 5.6 years, P = .03", ["plain"]),
 ("The trial studied adjuvant sunitinib in low-risk papillary renal cell cancer.", C, "high-risk clear cell", ["population"]),
 ("Of patients who received sunitinib, 21% experienced grade 4 adverse events.", N, "12%", ["plain"]),
 ("The trial compared adjuvant pazopanib with placebo.", M, "sunitinib", ["plain"]),
])
add("NCI:/types/brain/hp/child-astrocytoma-glioma-treatment-pdq#chars=31101-31944", [
 ("About 7% of children with a histological high-grade glioma had methylation patterns closer to low-grade gliomas.", F, "", ["plain"]),
 ("Ten of the 16 infants with high-grade glioma fell into this methylation-defined group.", F, "", ["number_in_words"]),
 ("Infants under a year had 5-year survival above 60%, against under 20% for children aged 1 to 3 or older.", F, "", ["comparison", "joins_facts"]),
 ("High-grade gliomas in infants carry a worse prognosis than in older children.", C, "better survival", ["comparison", "direction"]),
 ("Most pediatric high-grade gliomas have low-grade methylation patterns.", C, "about 7%", ["plain"]),
 ("Infant high-grade gliomas are molecularly identical to those of adults.", G, "distinctive", ["plain"]),
 ("Ten of 61 infants with high-grade glioma were in the methylation-defined group.", N, "16", ["plain"]),
 ("The 5-year survival of infants younger than 1 year exceeded 80%.", N, "60%", ["plain"]),
])
add("NCI:/types/soft-tissue-sarcoma/hp/adult-soft-tissue-treatment-pdq#chars=39663-40572", [
 ("A trial-level meta-analysis of 18 randomized trials in resectable soft tissue sarcoma found that adjuvant chemotherapy cut local recurrence by 4% in absolute terms.", F, "", ["number_in_words"]),
 ("Doxorubicin plus ifosfamide reduced overall mortality by 11%, from 41% to 30%.", F, "", ["joins_facts"]),
 ("Any chemotherapy lowered mortality from 46% to 40%.", F, "", ["plain"]),
 ("Five of the 18 trials combined doxorubicin with ifosfamide.", F, "", ["number_in_words"]),
 ("Doxorubicin without ifosfamide reduced mortality more than the combination.", C, "5% vs 11%", ["comparison", "direction"]),
 ("Adjuvant chemotherapy had no effect on local recurrence.", G, "4% absolute reduction", ["plain"]),
 ("The meta-analysis showed that chemotherapy doubles survival in soft tissue sarcoma.", C, "6% absolute reduction", ["causal"]),
 ("The absolute reduction in overall mortality with any chemotherapy was 9%.", N, "6%", ["plain"]),
])
add("NCI:/types/uterine/hp/endometrial-treatment-pdq#chars=50669-51873", [
 ("In KEYNOTE-868, adding pembrolizumab to paclitaxel-carboplatin roughly doubled 1-year PFS in dMMR endometrial cancer, 74% against 38%.", F, "", ["acronym", "comparison", "number_in_words"]),
 ("In pMMR tumours, median PFS rose from 8.7 to 13.1 months with pembrolizumab.", F, "", ["comparison"]),
 ("Pembrolizumab improved PFS whatever the MMR status.", F, "", ["paraphrase"]),
 ("The 810 patients had stage III, IVA or IVB, or recurrent, disease.", F, "", ["joins_facts"]),
 ("Pembrolizumab benefited only patients with dMMR tumours.", C, "regardless of MMR status", ["population"]),
 ("Pembrolizumab did not improve PFS in patients with pMMR tumours.", G, "13.1 vs 8.7 months, P < .001", ["population"]),
 ("The relative PFS benefit was larger in pMMR than in dMMR tumours.", C, "HR 0.54 vs 0.30", ["comparison"]),
 ("Patients could receive up to 16 cycles of maintenance pembrolizumab or placebo.", N, "14", ["plain"]),
 ("In dMMR tumours the hazard ratio for PFS was 0.54.", N, "0.30", ["plain"]),
 ("Patients received six cycles of docetaxel and carboplatin with pembrolizumab or placebo.", M, "paclitaxel", ["plain"]),
])
add("NCI:/types/skin/hp/merkel-cell-treatment-pdq#chars=42932-43559", [
 ("In POD1UM-201, retifanlimab given to 101 patients with untreated advanced MCC produced responses in just over half.", F, "", ["acronym", "number_in_words"]),
 ("About one in six patients had a complete response.", F, "", ["number_in_words"]),
 ("Median PFS was 12.7 months and median duration of response about two years.", F, "", ["number_in_words", "joins_facts"]),
 ("These results are preliminary and published only in abstract form.", F, "", ["hedged"]),
 ("Retifanlimab improved survival compared with chemotherapy in Merkel cell carcinoma.", C, "single arm", ["comparison"]),
 ("The results of POD1UM-201 have not been published in any form.", G, "published in abstract form", ["plain"]),
 ("Retifanlimab was tested in patients who had progressed on prior immunotherapy.", C, "previously untreated", ["population"]),
 ("Retifanlimab was given at 500 mg every 3 weeks.", N, "every 4 weeks", ["plain"]),
 ("The median OS with retifanlimab was 25.3 months.", C, "not yet reached (25.3 is DoR)", ["plain"]),
])
add("NCI:/types/colorectal/hp/colon-treatment-pdq#chars=68116-69340", [
 ("In a 2 × 2 factorial trial of 1,401 patients with untreated stage IV colorectal cancer, bevacizumab lengthened median PFS from 8.0 to 9.4 months.", F, "", ["comparison"]),
 ("Median OS was 21.3 months with bevacizumab and 19.9 with placebo, a difference that was not significant.", F, "", ["negation_elsewhere"]),
 ("CAPOX was noninferior to FOLFOX-4 for PFS, 8.0 against 8.5 months.", F, "", ["comparison", "abbreviation"]),
 ("The effect of bevacizumab on OS is probably smaller than in the Hurwitz study.", F, "", ["hedged"]),
 ("Bevacizumab significantly improved overall survival in this trial.", C, "P = .077", ["causal"]),
 ("CAPOX was superior to FOLFOX-4 for progression-free survival.", C, "noninferior; numerically shorter", ["comparison"]),
 ("Bevacizumab's effect on OS is likely larger than in the Hurwitz study.", C, "less", ["direction"]),
 ("The trial randomly assigned 1,104 patients.", N, "1,401", ["plain"]),
 ("Bevacizumab was added to FOLFOX on the strength of the NCCTG-N9741 trial.", F, "", ["acronym"]),
])
add("NCI:/types/myeloma/hp/myeloma-treatment-pdq#chars=101066-101751", [
 ("A meta-analysis of seven randomized trials and 3,254 patients linked lenalidomide to more hematologic second primary malignancies, 3.1% against 1.4%.", F, "", ["comparison", "joins_facts"]),
 ("The excess risk was confined to lenalidomide combined with melphalan.", F, "", ["paraphrase"]),
 ("Lenalidomide with cyclophosphamide or dexamethasone did not raise the risk.", F, "", ["negation_elsewhere"]),
 ("A review of almost 4,000 relapsed or refractory patients suggested more nonmelanoma skin cancers with lenalidomide.", F, "", ["hedged", "number_in_words"]),
 ("Lenalidomide with dexamethasone carried the highest risk of second primary malignancies.", C, "confined to melphalan", ["comparison"]),
 ("The second-malignancy risk with lenalidomide was seen whatever the partner drug.", C, "confined to melphalan", ["population"]),
 ("Lenalidomide was proven to cause melanoma in relapsed myeloma.", C, "nonmelanoma skin cancers suggested", ["causal"]),
 ("The meta-analysis pooled 3,254 patients from nine randomized trials.", N, "seven", ["plain"]),
 ("Hematologic second primary malignancies occurred in 1.4% of patients given lenalidomide.", N, "3.1%", ["plain"]),
 ("The excess risk was confined to lenalidomide combined with bortezomib.", M, "melphalan", ["plain"]),
])
add("NCI:/types/prostate/hp/prostate-treatment-pdq#chars=141952-142727", [
 ("STAMPEDE randomized 1,917 men to ADT alone or ADT plus abiraterone acetate and prednisolone.", F, "", ["acronym"]),
 ("About half the men had metastatic disease and about half locally advanced or node-positive disease.", F, "", ["number_in_words", "joins_facts"]),
 ("Abiraterone was given at 1,000 mg daily with prednisolone 5 mg daily.", F, "", ["paraphrase"]),
 ("Hormone therapy stopped at two years or at progression.", F, "", ["number_in_words"]),
 ("Radiation therapy was planned in about 40% of participants.", F, "", ["plain"]),
 ("STAMPEDE showed that abiraterone doubled survival in locally advanced prostate cancer.", C, "no outcome reported", ["causal"]),
 ("Radiation therapy was not planned for any of the STAMPEDE participants.", G, "planned in about 40%", ["plain"]),
 ("Local radiation therapy was mandated for men with node-positive nonmetastatic disease.", C, "optional for node-positive", ["population"]),
 ("Abiraterone acetate was given at 500 mg daily.", N, "1,000 mg", ["plain"]),
 ("Men received ADT plus enzalutamide and prednisolone.", M, "abiraterone acetate", ["plain"]),
])
add("NCI:/types/breast/hp/breast-treatment-pdq#chars=177518-178196", [
 ("FinHer gave 232 women nine weekly infusions of trastuzumab with docetaxel or vinorelbine, followed by FEC.", F, "", ["acronym", "number_in_words"]),
 ("Even this short course cut the risk of recurrence or death (3-year DFS 89% vs 78%).", F, "", ["comparison", "hedged"]),
 ("The overall survival difference, though HR 0.41, did not reach significance.", F, "", ["negation_elsewhere"]),
 ("The women were under 67, with node-positive or high-risk node-negative HER2-overexpressing disease.", F, "", ["joins_facts", "number_in_words"]),
 ("The short course of trastuzumab significantly improved overall survival.", C, "P = .07", ["causal"]),
 ("A nine-week course of trastuzumab was shown to be as effective as a year of trastuzumab.", C, "no comparison with a year", ["comparison"]),
 ("Three-year DFS was 78% with trastuzumab and 89% without.", N, "swapped", ["plain"]),
 ("FinHer enrolled women younger than 76 years.", N, "67", ["plain"]),
 ("The trastuzumab infusions were given with paclitaxel or vinorelbine.", M, "docetaxel", ["plain"]),
])
add("NCI:/types/lymphoma/hp/child-hodgkin-treatment-pdq#chars=127332-127781", [
 ("In 29 patients with a median age of 16, brentuximab vedotin with bendamustine gave complete metabolic responses in about two thirds.", F, "", ["number_in_words"]),
 ("Nearly four in five patients had an objective response.", F, "", ["number_in_words"]),
 ("Three-year event-free survival after treatment was 65%, and overall survival 89%.", F, "", ["joins_facts"]),
 ("Brentuximab vedotin with bendamustine was better than standard salvage chemotherapy.", C, "no comparison", ["comparison"]),
 ("Most patients relapsed within three years of treatment.", C, "EFS 65%", ["plain"]),
 ("Bendamustine was given at 90 mg/m2 on days 1 and 8.", N, "days 1 and 2", ["plain"]),
 ("Patients received brentuximab vedotin with gemcitabine.", M, "bendamustine", ["plain"]),
])
add("NCI:/types/stomach/hp/stomach-treatment-pdq#chars=32291-33102", [
 ("In CLASSIC, adjuvant capecitabine plus oxaliplatin after D2 gastrectomy raised 3-year DFS from 59% to 74%.", F, "", ["acronym", "comparison"]),
 ("Three-year OS was also higher with chemotherapy, 83% against 78%.", F, "", ["comparison"]),
 ("The trial enrolled 1,035 patients from 37 centres in South Korea, China and Taiwan.", F, "", ["joins_facts"]),
 ("Chemotherapy was eight three-week cycles.", F, "", ["number_in_words"]),
 ("Adjuvant capecitabine-oxaliplatin worsened disease-free survival compared with surgery alone.", C, "improved", ["direction"]),
 ("CLASSIC showed the benefit only in stage IIIB gastric cancer.", C, "no subgroup reported", ["population"]),
 ("Adjuvant chemotherapy in CLASSIC did not improve 3-year OS.", G, "83% vs 78%, P = .0493", ["plain"]),
 ("The 3-year DFS rate in the surgery-alone group was 69%.", N, "59%", ["plain"]),
 ("The trial enrolled 1,035 patients from 37 centres in Japan, China and Taiwan.", M, "South Korea", ["plain"]),
 ("Patients had undergone a D1 gastrectomy.", N, "D2", ["plain"]),
])
add("NCI:/types/lung/hp/non-small-cell-lung-treatment-pdq#chars=130907-131364", [
 ("In a nonrandomized subanalysis of ANITA, N2 patients given PORT had higher 5-year survival in both the observation and chemotherapy arms.", F, "", ["acronym", "comparison"]),
 ("In the chemotherapy arm, 5-year survival was 47% with PORT and 34% without.", F, "", ["plain"]),
 ("No statistical tests were done on these comparisons.", F, "", ["negation_elsewhere"]),
 ("PORT significantly improved survival in N2 patients in ANITA.", C, "no statistical tests", ["causal"]),
 ("PORT benefited N0 patients as well.", C, "N2 only", ["population"]),
 ("In the observation arm, 5-year survival was 27% with PORT and 17% without.", N, "21%", ["plain"]),
 ("In the chemotherapy arm, survival was lower with PORT than without it.", C, "higher", ["direction"]),
])

# ---- more faithful sentences, so that half the set is faithful ----
add("NCI:/types/skin/hp/melanoma-treatment-pdq#chars=59945-60751", [
 ("The hazard ratio for overall survival between the margin groups was 0.81, and its confidence interval crossed one.", F, "", ["paraphrase"]),
])
add("NCI:/types/leukemia/hp/child-all-treatment-pdq#chars=294418-295419", [
 ("Induction deaths were 2.8%, and deaths after CR had been reached were 4.9%.", F, "", ["joins_facts"]),
])
add("NCI:/types/liver/hp/adult-liver-treatment-pdq#chars=44265-44809", [
 ("Severe treatment-related toxicity was common in every arm, affecting between 65% and 76% of patients.", F, "", ["joins_facts", "quantifier"]),
])
add("NCI:/types/gallbladder/hp/gallbladder-treatment-pdq#chars=20898-21849", [
 ("Six-month PFS, the primary end point, was about 45% with GEMOX and 47% with XELOX.", F, "", ["number_in_words", "comparison"]),
])
add("NCI:/types/lymphoma/hp/adult-hodgkin-treatment-pdq#chars=50824-51572", [
 ("Bulky disease meant a mass over 10 cm or more than a third of the maximum intrathoracic diameter.", F, "", ["number_in_words"]),
])
add("NCI:/types/skin/hp/child-melanoma-treatment-pdq#chars=31204-32185", [
 ("Thirty-eight of the young patients received anti-PD-1 therapy as adjuvant treatment.", F, "", ["number_in_words"]),
 ("Of 56 patients treated for advanced disease, 43 started with anti-PD-1-based therapy.", F, "", ["joins_facts"]),
])
add("NCI:/types/bladder/hp/bladder-treatment-pdq#chars=66467-67919", [
 ("Among patients with a CPS below 10, median DFS was 17.3 months with pembrolizumab and 9.0 months with observation.", F, "", ["population", "comparison"]),
])
add("NCI:/types/esophageal/hp/esophageal-treatment-pdq#chars=55580-56315", [
 ("POET randomized patients with esophagogastric adenocarcinoma to chemotherapy then surgery, or chemotherapy, chemoradiation and surgery.", F, "", ["paraphrase"]),
])
add("NCI:/types/lung/hp/small-cell-lung-treatment-pdq#chars=36097-36598", [
 ("The pooled benefit of longer therapy was significant at both one and two years (P < .001).", F, "", ["number_in_words"]),
])
add("NCI:/types/unknown-primary/hp/unknown-primary-treatment-pdq#chars=8058-8396", [
 ("In cancer of unknown primary, PET-CT located the primary tumour in roughly one patient in five.", F, "", ["number_in_words", "hedged"]),
])
add("NCI:/types/colorectal/hp/rectal-treatment-pdq#chars=104740-105010", [
 ("The OS hazard ratio with panitumumab was 0.83, not statistically significant (P = .072).", F, "", ["negation_elsewhere"]),
])
add("NCI:/types/head-and-neck/hp/child/laryngeal-treatment-pdq#chars=7629-8365", [
 ("Vaginal birth, with its exposure to HPV, appears to be a risk factor for juvenile-onset papillomatosis.", F, "", ["hedged", "causal"]),
])
add("NCI:/types/soft-tissue-sarcoma/hp/child-soft-tissue-treatment-pdq#chars=140413-141427", [
 ("Patients were assigned to the four groups nonrandomly, according to resection and other features.", F, "", ["paraphrase"]),
])
add("NCI:/types/skin/hp/skin-treatment-pdq#chars=55385-56130", [
 ("Of the 229 patients randomized, 209 were evaluated per protocol and per lesion.", F, "", ["joins_facts"]),
])
add("NCI:/types/lymphoma/hp/indolent-b-cell-lymphoma-treatment-pdq#chars=70960-71512", [
 ("A quarter of patients were alive five years after transformation.", F, "", ["number_in_words"]),
])
add("NCI:/types/brain/hp/child-astrocytoma-glioma-treatment-pdq#chars=31101-31944", [
 ("High-grade gliomas of infants and young children seem molecularly distinct from those of older children and adults.", F, "", ["hedged", "comparison"]),
])
add("NCI:/types/soft-tissue-sarcoma/hp/adult-soft-tissue-treatment-pdq#chars=39663-40572", [
 ("With ifosfamide added to doxorubicin, local recurrence fell by 5% in absolute terms.", F, "", ["paraphrase"]),
])
add("NCI:/types/uterine/hp/endometrial-treatment-pdq#chars=50669-51873", [
 ("Of the 810 patients, 588 had pMMR and 222 dMMR tumours.", F, "", ["joins_facts"]),
])
add("NCI:/types/skin/hp/merkel-cell-treatment-pdq#chars=42932-43559", [
 ("Median OS had not yet been reached at a median follow-up of 17.6 months.", F, "", ["negation_elsewhere"]),
])
add("NCI:/types/colorectal/hp/colon-treatment-pdq#chars=68116-69340", [
 ("PFS was the trial's primary end point.", F, "", ["plain"]),
])
add("NCI:/types/myeloma/hp/myeloma-treatment-pdq#chars=101066-101751", [
 ("With melphalan, the hazard ratio for a second hematologic cancer was close to five.", F, "", ["number_in_words"]),
])
add("NCI:/types/prostate/hp/prostate-treatment-pdq#chars=141952-142727", [
 ("For node-positive nonmetastatic disease, local radiation therapy was optional.", F, "", ["population"]),
])
add("NCI:/types/breast/hp/breast-treatment-pdq#chars=177518-178196", [
 ("High-risk node-negative disease in FinHer meant a tumour larger than 2 cm.", F, "", ["acronym"]),
])
add("NCI:/types/lymphoma/hp/child-hodgkin-treatment-pdq#chars=127332-127781", [
 ("The regimen was studied at four academic centres, with a median of three cycles given.", F, "", ["number_in_words", "joins_facts"]),
])
add("NCI:/types/stomach/hp/stomach-treatment-pdq#chars=32291-33102", [
 ("Patients had stage IIA to IIIB gastric cancer.", F, "", ["paraphrase"]),
])
add("NCI:/types/lung/hp/non-small-cell-lung-treatment-pdq#chars=130907-131364", [
 ("In the observation arm, 21% of N2 patients given PORT were alive at five years, against 17% without it.", F, "", ["number_in_words"]),
])


def main() -> None:
    passages = {}
    for line in PASSAGES.open(encoding="utf-8"):
        r = json.loads(line)
        passages[r["doc_id"]] = r["text"]
    out = []
    for i, (doc_id, sentence, kind, detail, feats) in enumerate(S, 1):
        page = doc_id.split("#")[0].rsplit("/", 1)[1]
        out.append({"id": f"s5-{i:03d}", "doc_id": doc_id, "title": TITLES[page], "passage_kind": "pdq",
                    "passages": [passages[doc_id]], "sentence": sentence, "faithful": kind is None,
                    "error_kind": kind, "error_detail": detail or None, "features": feats})
    with open(ROOT / "benchmarks" / "support" / "sentences_5.jsonl", "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(out), collections.Counter((split(r["id"]), r["error_kind"] or "faithful") for r in out))


if __name__ == "__main__":
    main()
