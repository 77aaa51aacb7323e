package io.leadgate.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyNormalizerTest {

  private final CompanyNormalizer companies = new CompanyNormalizer();

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'The Acme Company, Inc.'     | acme",
        "Acme                         | acme",
        "ACME Inc                     | acme",
        "Acme, Incorporated           | acme",
        "Acme LLC                     | acme",
        "Acme L.L.C.                  | acme",
        "Acme Ltd.                    | acme",
        "Acme Limited                 | acme",
        "Acme GmbH                    | acme",
        "Acme AG                      | acme",
        "Acme SA                      | acme",
        "Acme S.A.                    | acme",
        "Acme SAS                     | acme",
        "Acme SARL                    | acme",
        "Acme BV                      | acme",
        "Acme B.V.                    | acme",
        "Acme NV                      | acme",
        "Acme PLC                     | acme",
        "Acme Corp.                   | acme",
        "Acme Corporation             | acme",
        "Acme Co.                     | acme",
        "Acme Pty Ltd                 | acme",
        "Acme Oy                      | acme",
        "Acme AB                      | acme",
        "Acme KK                      | acme",
        "Acme GmbH & Co. KG           | acme",
        "Smith & Co.                  | smith",
        "Procter & Gamble             | procter and gamble",
        "Procter and Gamble Co.       | procter and gamble",
        "AT&T Inc.                    | at and t",
        "Société Générale S.A.        | societe generale",
        "Nestlé                       | nestle",
        "'  Big   Blue  '             | big blue",
        "The Home Depot               | home depot",
        "The Company                  | company",
        "Inc                          | inc",
        "The                          | the",
        "Co-op Bank                   | co op bank",
        "Amazon.com, Inc.             | amazon com",
        "U.S. Steel                   | us steel",
        "J.P. Morgan Chase & Co.      | jp morgan chase",
      })
  void normalisesCompanies(String raw, String expected) {
    assertThat(companies.normalize(raw)).contains(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "...", ",", "\u0000", "\u200b\u200b", "---"})
  void blankOrSymbolOnlyCompaniesAreEmpty(String raw) {
    assertThat(companies.normalize(raw)).isEmpty();
  }

  @Test
  void ampersandAloneReadsAsAnd() {
    assertThat(companies.normalize("&")).contains("and");
  }

  @Test
  void veryLongCompanyNamesAreCut() {
    assertThat(companies.normalize("Acme ".repeat(200_000)))
        .get()
        .asString()
        .hasSizeLessThan(5_000);
  }
}
