package dev.eventlog.infra;

import static dev.eventlog.infra.TestStacks.ref;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomDomainTemplateTest {

    private EventLogStack stack;
    private Template template;

    @BeforeAll
    void synthesize() {
        TestStacks.Synthesized synthesized = TestStacks.shared(TestStacks.customDomain());
        stack = synthesized.stack();
        template = synthesized.template();
    }

    @Test
    void certificate_isValidatedByDns_inTheGivenHostedZone() {
        template.resourceCountIs("AWS::CertificateManager::Certificate", 1);
        template.hasResourceProperties(
                "AWS::CertificateManager::Certificate",
                Match.objectLike(Map.of(
                        "DomainName",
                        TestStacks.DOMAIN_NAME,
                        "ValidationMethod",
                        "DNS",
                        "DomainValidationOptions",
                        List.of(Map.of(
                                "DomainName", TestStacks.DOMAIN_NAME,
                                "HostedZoneId", TestStacks.HOSTED_ZONE_ID)))));
    }

    @Test
    void domainName_isRegional_withTls12_andTheCertificate() {
        template.resourceCountIs("AWS::ApiGatewayV2::DomainName", 1);
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::DomainName",
                Map.of(
                        "DomainName",
                        TestStacks.DOMAIN_NAME,
                        "DomainNameConfigurations",
                        List.of(Match.objectLike(Map.of(
                                "CertificateArn",
                                        ref(stack.eventLog()
                                                .customDomain()
                                                .orElseThrow()
                                                .certificate()),
                                "EndpointType", "REGIONAL",
                                "SecurityPolicy", "TLS_1_2")))));
    }

    @Test
    void apiMapping_mapsTheDomainToTheDefaultStage() {
        template.resourceCountIs("AWS::ApiGatewayV2::ApiMapping", 1);
        template.hasResource(
                "AWS::ApiGatewayV2::ApiMapping",
                Match.objectLike(Map.of(
                        "DependsOn",
                                List.of(TestStacks.logicalId(stack.eventLog().getStage())),
                        "Properties",
                                Map.of(
                                        "ApiId", ref(stack.eventLog().getHttpApi()),
                                        "DomainName",
                                                ref(stack.eventLog()
                                                        .customDomain()
                                                        .orElseThrow()
                                                        .domainName()),
                                        "Stage", EventHttpApi.STAGE_NAME))));
    }

    @Test
    void aliasRecord_pointsTheNameAtTheRegionalDomain() {
        String domain = TestStacks.logicalId(
                stack.eventLog().customDomain().orElseThrow().domainName());
        template.resourceCountIs("AWS::Route53::RecordSet", 1);
        template.hasResourceProperties(
                "AWS::Route53::RecordSet",
                Map.of(
                        "Name",
                        TestStacks.DOMAIN_NAME + ".",
                        "Type",
                        "A",
                        "HostedZoneId",
                        TestStacks.HOSTED_ZONE_ID,
                        "AliasTarget",
                        Map.of(
                                "DNSName", Map.of("Fn::GetAtt", List.of(domain, "RegionalDomainName")),
                                "HostedZoneId", Map.of("Fn::GetAtt", List.of(domain, "RegionalHostedZoneId")))));
    }

    @Test
    void outputs_nameTheCustomDomainUrl() {
        template.hasOutput("CustomDomainUrl", Map.of("Value", "https://" + TestStacks.DOMAIN_NAME + "/"));
    }

    @Test
    void customDomain_keepsTheIamRoutesAndTheExecuteApiUrl() {
        template.resourcePropertiesCountIs(
                "AWS::ApiGatewayV2::Route",
                Map.of(
                        "AuthorizationType",
                        "AWS_IAM",
                        "ApiId",
                        Match.anyValue(),
                        "RouteKey",
                        Match.anyValue(),
                        "Target",
                        Match.anyValue()),
                5);
        template.hasOutput("ApiUrl", Match.anyValue());
        template.hasResourceProperties(
                "AWS::ApiGatewayV2::Api", Match.objectLike(Map.of("DisableExecuteApiEndpoint", false)));
    }

    @Test
    void disableExecuteApiEndpoint_leavesTheCustomDomainAsTheOnlyWayIn_andDropsTheExecuteApiUrl() {
        Map<String, Object> context = new java.util.HashMap<>(TestStacks.customDomain());
        context.put(AppContext.DISABLE_EXECUTE_API_ENDPOINT, "true");
        Template closed = Template.fromStack(TestStacks.stack(context));
        closed.hasResourceProperties(
                "AWS::ApiGatewayV2::Api", Match.objectLike(Map.of("DisableExecuteApiEndpoint", true)));
        closed.resourceCountIs("AWS::ApiGatewayV2::ApiMapping", 1);
        closed.hasOutput("CustomDomainUrl", Map.of("Value", "https://" + TestStacks.DOMAIN_NAME + "/"));
        org.junit.jupiter.api.Assertions.assertTrue(closed.findOutputs("ApiUrl").isEmpty());
    }
}
