package dev.eventlog.infra;

import software.amazon.awscdk.services.apigatewayv2.ApiMapping;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.EndpointType;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.SecurityPolicy;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.ApiGatewayv2DomainProperties;
import software.constructs.Construct;

/** The API under its own name: DNS-validated certificate, regional TLS 1.2 domain, mapping and alias record. */
final class CustomDomain extends Construct {

    private final Certificate certificate;
    private final DomainName domainName;
    private final ARecord record;

    CustomDomain(Construct scope, String id, CustomDomainSettings settings, HttpApi api, HttpStage stage) {
        super(scope, id);
        // From attributes, not a lookup: synthesis must need neither credentials nor a cdk.context.json entry.
        IHostedZone zone = HostedZone.fromHostedZoneAttributes(
                this,
                "Zone",
                HostedZoneAttributes.builder()
                        .hostedZoneId(settings.hostedZoneId())
                        .zoneName(settings.hostedZoneName())
                        .build());

        this.certificate = Certificate.Builder.create(this, "Certificate")
                .domainName(settings.domainName())
                .validation(CertificateValidation.fromDns(zone))
                .build();

        this.domainName = DomainName.Builder.create(this, "DomainName")
                .domainName(settings.domainName())
                .certificate(certificate)
                .endpointType(EndpointType.REGIONAL)
                .securityPolicy(SecurityPolicy.TLS_1_2)
                .build();

        ApiMapping.Builder.create(this, "Mapping")
                .api(api)
                .domainName(domainName)
                .stage(stage)
                .build();

        this.record = ARecord.Builder.create(this, "AliasRecord")
                .zone(zone)
                .recordName(settings.domainName())
                .target(RecordTarget.fromAlias(new ApiGatewayv2DomainProperties(
                        domainName.getRegionalDomainName(), domainName.getRegionalHostedZoneId())))
                .build();
    }

    public Certificate certificate() {
        return certificate;
    }

    public DomainName domainName() {
        return domainName;
    }

    public ARecord record() {
        return record;
    }
}
