// The original function's cold path, as its index.js ran it: a DocumentClient built at module load with the
// SDK's defaults, then one unconditional put and one unpaginated scan. Endpoint, region and keys come from the
// environment (AWS_ENDPOINT_URL_DYNAMODB, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).
"use strict";
const AWS = require("aws-sdk");

const dynamo = new AWS.DynamoDB.DocumentClient({ endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB });
const tableName = process.env.TABLE_NAME;

async function main() {
  const now = new Date().toISOString();
  await dynamo.put({
    TableName: tableName,
    Item: { date: now.slice(0, 10), time: now.slice(11, 23), userId: "node-original", eventType: "cold-start" },
  }).promise();
  const scanned = await dynamo.scan({ TableName: tableName }).promise();
  console.log(JSON.stringify({ put: 1, scanned: scanned.Count }));
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
